package dev.springlit.runtime.scope;

import org.springframework.beans.factory.ObjectFactory;

/** The {@code @StreamlitSessionScope} beans of one session; thread-safe (a page may hand a bean to its threads). */
public interface ScopedBeans {

    Object get(String name, ObjectFactory<?> factory);

    Object remove(String name);

    void registerDestructionCallback(String name, Runnable callback);
}
