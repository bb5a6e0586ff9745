package dev.springlit.autoconfigure.run;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.springlit.RunInterceptor;
import dev.springlit.RunInvocation;

/**
 * JPA's open-in-view for runs: an {@code EntityManager} bound to the run's thread for the page body and for each
 * callback, so entities a page reads through repositories can load their lazy associations while the page draws
 * them, as {@code spring.jpa.open-in-view} allows in a controller's view. Mirrors Spring's
 * {@code OpenEntityManagerInViewInterceptor}: an EntityManager already bound is used, not replaced; one opened here
 * is closed when the page code ends, however it ends.
 */
final class JpaRunInterceptor implements RunInterceptor {

    private final EntityManagerFactory entityManagerFactory;

    JpaRunInterceptor(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    @Override
    public void around(RunInvocation run) throws Exception {
        if (TransactionSynchronizationManager.hasResource(entityManagerFactory)) {
            run.proceed();
            return;
        }
        EntityManager entityManager = entityManagerFactory.createEntityManager();
        TransactionSynchronizationManager.bindResource(entityManagerFactory, new EntityManagerHolder(entityManager));
        try {
            run.proceed();
        } finally {
            TransactionSynchronizationManager.unbindResource(entityManagerFactory);
            EntityManagerFactoryUtils.closeEntityManager(entityManager);
        }
    }
}
