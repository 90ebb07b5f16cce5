package io.leadhub.intake;

import io.leadhub.mapping.MappingRegistry;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads every mapping file at start-up; a broken one stops the hub with the file and the problem named. */
@Configuration(proxyBeanMethods = false)
public class MappingConfiguration {

    @Bean
    MappingRegistry mappingRegistry(@Value("${hub.mappings-dir}") Path mappingsDir) {
        return MappingRegistry.loadDirectory(mappingsDir);
    }
}
