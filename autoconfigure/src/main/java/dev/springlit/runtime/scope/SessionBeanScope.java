package dev.springlit.runtime.scope;

import org.springframework.beans.factory.ObjectFactory;
import org.springframework.beans.factory.config.Scope;

/**
 * The {@code streamlitSession} scope: one bean instance per Springlit session, destroyed with it. The
 * session is the one whose run (or SessionHandle task) executes on the calling thread.
 */
public final class SessionBeanScope implements Scope {

    private static ScopedBeans currentBeans() {
        ScopedRun run = CurrentRun.get();
        if (run == null) {
            throw new IllegalStateException("A @StreamlitSessionScope bean was used outside a Springlit run. It "
                    + "belongs to one browser tab and works only in a page's render method or a widget callback.");
        }
        return run.sessionBeans();
    }

    @Override
    public Object get(String name, ObjectFactory<?> objectFactory) {
        return currentBeans().get(name, objectFactory);
    }

    @Override
    public Object remove(String name) {
        return currentBeans().remove(name);
    }

    @Override
    public void registerDestructionCallback(String name, Runnable callback) {
        currentBeans().registerDestructionCallback(name, callback);
    }

    @Override
    public Object resolveContextualObject(String key) {
        return null;
    }

    @Override
    public String getConversationId() {
        ScopedRun run = CurrentRun.get();
        return run == null ? null : run.sessionId();
    }
}
