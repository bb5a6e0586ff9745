package dev.springlit.runtime.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectFactory;

import dev.springlit.runtime.scope.ScopedBeans;

/** The {@code @StreamlitSessionScope} beans of one session and their destruction callbacks. */
final class SessionBeans implements ScopedBeans {

    private static final Log log = LogFactory.getLog(SessionBeans.class);

    private final Map<String, Object> beans = new LinkedHashMap<>();
    private final Map<String, Runnable> destructionCallbacks = new LinkedHashMap<>();

    @Override
    public synchronized Object get(String name, ObjectFactory<?> factory) {
        Object bean = beans.get(name);
        if (bean == null) {
            bean = factory.getObject();
            beans.put(name, bean);
        }
        return bean;
    }

    @Override
    public synchronized Object remove(String name) {
        destructionCallbacks.remove(name);
        return beans.remove(name);
    }

    @Override
    public synchronized void registerDestructionCallback(String name, Runnable callback) {
        destructionCallbacks.put(name, callback);
    }

    /** Runs every destruction callback, newest bean first; one failing does not stop the others. */
    void destroy() {
        List<Runnable> callbacks;
        synchronized (this) {
            callbacks = new ArrayList<>(destructionCallbacks.values());
            destructionCallbacks.clear();
            beans.clear();
        }
        for (int i = callbacks.size() - 1; i >= 0; i--) {
            try {
                callbacks.get(i).run();
            } catch (RuntimeException e) {
                log.warn("A session-scoped bean's destruction callback failed", e);
            }
        }
    }
}
