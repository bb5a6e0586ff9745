package dev.springlit.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import dev.springlit.runtime.SpringlitEngine;
import dev.springlit.runtime.identity.TabContext;
import dev.springlit.runtime.identity.TabIdentity;
import dev.springlit.runtime.output.ClientConnection;
import dev.springlit.runtime.output.Outbox;
import dev.springlit.runtime.output.PageOutput;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.page.PageAccess;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.page.PageRegistry;
import dev.springlit.runtime.run.FragmentScheduler;
import dev.springlit.runtime.run.ReservedKeys;
import dev.springlit.runtime.run.RunObserver;
import dev.springlit.runtime.run.RuntimeSettings;
import dev.springlit.runtime.run.StateValues;
import dev.springlit.runtime.scope.CurrentSessionState;
import dev.springlit.runtime.session.CommittedState;
import dev.springlit.runtime.session.RefusalWarnings;
import dev.springlit.runtime.session.Session;
import dev.springlit.runtime.session.TabAddress;
import dev.springlit.runtime.session.SessionOpening;
import dev.springlit.runtime.session.SessionRegistry;
import dev.springlit.runtime.session.TabHello;
import dev.springlit.runtime.upload.FileRoutes;
import dev.springlit.runtime.upload.SessionFiles;
import dev.springlit.runtime.upload.StoredUpload;
import dev.springlit.runtime.upload.UploadRefusedException;
import dev.springlit.runtime.upload.UploadStore;

/**
 * The layering of the library's main code, as DESIGN.md draws it: values below everything, the runtime below the
 * web layer and the tester, the facade ({@code dev.springlit}) leaning on nothing but values, no cycles.
 */
class LayeringTest {


    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.springlit");

    @Test
    void elementsDependOnNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.springlit.element..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.springlit", "dev.springlit.runtime..",
                        "dev.springlit.web..", "dev.springlit.test..", "dev.springlit.autoconfigure..",
                        "dev.springlit.support..")
                .check(MAIN);
    }

    @Test
    void sharedHelpersDependOnNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.springlit.support..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.springlit", "dev.springlit.runtime..",
                        "dev.springlit.web..", "dev.springlit.test..", "dev.springlit.autoconfigure..",
                        "dev.springlit.element..")
                .check(MAIN);
    }

    @Test
    void theRuntimeNeverDependsOnTheWebLayerTheTesterOrTheAutoConfiguration() {
        noClasses().that().resideInAPackage("dev.springlit.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.springlit.web..", "dev.springlit.test..",
                        "dev.springlit.autoconfigure..")
                .check(MAIN);
    }

    @Test
    void theWebLayerNeverDependsOnTheTesterOrTheAutoConfiguration() {
        noClasses().that().resideInAPackage("dev.springlit.web..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.springlit.test..",
                        "dev.springlit.autoconfigure..")
                .check(MAIN);
    }

    /** The facade is what pages use; it leans only on values and shared helpers, so it can sit above no layer. */
    @Test
    void theFacadeDependsOnlyOnElementsAndSharedHelpers() {
        noClasses().that().resideInAPackage("dev.springlit")
                .should().dependOnClassesThat().resideInAnyPackage("dev.springlit.runtime..", "dev.springlit.web..",
                        "dev.springlit.test..", "dev.springlit.autoconfigure..")
                .check(MAIN);
    }

    /**
     * The runtime's concept packages sit below its core, the engine: drawers see the run as a {@code draw.Canvas} and
     * the session as a {@code draw.Owner}, the scopes see the run as a {@code scope.ScopedRun}, runs see their session
     * as a {@code run.RunSession} and its tab as a {@code run.RunTab}, sessions see the engine as a
     * {@code session.SessionEngine}; none reaches the engine.
     */
    @Test
    void theRuntimesConceptPackagesNeverSeeItsCore() {
        noClasses().that().resideInAPackage("dev.springlit.runtime..")
                .and().resideOutsideOfPackage("dev.springlit.runtime")
                .should().dependOnClassesThat().resideInAPackage("dev.springlit.runtime")
                .check(MAIN);
    }

    /**
     * What a tab shows is written by runs and sent by sessions, nobody else: {@code PageOutput}'s writers and
     * {@code Outbox} are public only because runs, sessions and the output live in sibling packages.
     */
    @Test
    void onlyRunsWriteWhatATabShowsAndOnlySessionsSendIt() {
        noClasses().that().resideOutsideOfPackages("dev.springlit.runtime.output..", "dev.springlit.runtime.run..")
                .should().callMethodWhere(target(nameMatching("set"))
                        .and(target(owner(belongToAnyOf(PageOutput.class)))))
                .check(MAIN);
        noClasses().that().resideOutsideOfPackages("dev.springlit.runtime.output..", "dev.springlit.runtime.session..")
                .should().callMethodWhere(target(nameMatching("append|trim|drain|snapshot|updateBlock"))
                        .and(target(owner(belongToAnyOf(PageOutput.class)))))
                .check(MAIN);
        classes().that().belongToAnyOf(Outbox.class)
                .should().onlyHaveDependentClassesThat().resideInAnyPackage("dev.springlit.runtime.output..",
                        "dev.springlit.runtime.session..")
                .check(MAIN);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("dev.springlit.(**)").should().beFreeOfCycles().check(MAIN);
    }

    /**
     * Only the facade, the tester and the auto-configuration are API. The web layer's public types are public so
     * the auto-configuration can wire them: nothing else of ours may use them.
     */
    @Test
    void theWebLayersPublicTypesAreUsedOnlyByTheWebLayerAndTheAutoConfiguration() {
        classes().that().resideInAPackage("dev.springlit.web..").and().arePublic()
                .should().onlyHaveDependentClassesThat().resideInAnyPackage("dev.springlit.web..",
                        "dev.springlit.autoconfigure..")
                .check(MAIN);
    }

    /**
     * The runtime's concept packages make types public so that they can use each other; those types are for the
     * runtime and the auto-configuration only. The web layer and the tester reach the runtime through this seam
     * alone (the engine, a session's entry points and its tab's address, messages, pages, uploads, who a tab is):
     * a type that joins it is added here on purpose.
     */
    @Test
    void theRuntimesPublicTypesOutsideItsSeamAreUsedOnlyByTheRuntimeAndTheAutoConfiguration() {
        classes().that().resideInAPackage("dev.springlit.runtime..").and().arePublic()
                .and(not(belongToAnyOf(SpringlitEngine.class, RuntimeSettings.class, Session.class, TabAddress.class,
                        SessionOpening.class, SessionRegistry.class, CommittedState.class, CurrentSessionState.class,
                        FileRoutes.class, FragmentScheduler.class, TabContext.class, TabIdentity.class, ClientConnection.class,
                        RunStatus.class, ServerMessage.class, PageAccess.class, PageDescriptor.class,
                        PageRegistry.class, ReservedKeys.class, RunObserver.class, StateValues.class,
                        RefusalWarnings.class, TabHello.class, SessionFiles.class, StoredUpload.class,
                        UploadRefusedException.class, UploadStore.class)))
                .should().onlyHaveDependentClassesThat().resideInAnyPackage("dev.springlit.runtime..",
                        "dev.springlit.autoconfigure..")
                .check(MAIN);
    }

    /**
     * The option classes keep what a page set off their instances (pages see setters only); the runtime reads them
     * through static readers ({@code snapshot}, {@code common}, {@code start}, {@code click}) that only the drawers
     * call: public only because the drawers live in another package.
     */
    @Test
    void onlyTheDrawersReadWhatAPageSetOnItsOptions() {
        noClasses().that().resideOutsideOfPackages("dev.springlit.runtime.draw..", "dev.springlit")
                .should().callMethodWhere(target(nameMatching("snapshot|common|start|click"))
                        .and(target(owner(resideInAPackage("dev.springlit")))))
                .check(MAIN);
    }

    /** The tester reaches the engine as a client would; it never uses the web layer (it has no browser). */
    @Test
    void theTesterNeverUsesTheWebLayer() {
        noClasses().that().resideInAPackage("dev.springlit.test..")
                .should().dependOnClassesThat().resideInAPackage("dev.springlit.web..")
                .check(MAIN);
    }
}
