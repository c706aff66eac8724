package org.debentures.compliance.job;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.debentures.compliance.dealfile.DealFileLoader;
import org.debentures.compliance.terms.DealBook;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The deals of a data directory, loaded and validated once per directory, with the switches given
 * as properties ({@code --switches.deadline-convention=NONE}) overriding the deal files'.
 */
@Component
public class DealBookProvider {

    private final Environment environment;
    private final Map<Path, DealBook> loaded = new ConcurrentHashMap<>();

    public DealBookProvider(Environment environment) {
        this.environment = environment;
    }

    public DealBook dealBook(Path dataDir) {
        return loaded.computeIfAbsent(dataDir.toAbsolutePath().normalize(),
                dir -> new DealFileLoader().load(dir, switchOverrides()));
    }

    /** Forgets loaded deals (tests edit deal files between runs). */
    public void clear() {
        loaded.clear();
    }

    public Map<String, String> switchOverrides() {
        return Binder.get(environment).bind("switches", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    }
}
