package io.leadhub.mapping;

/**
 * A mapping file that cannot be used. The message always starts with the file, so a failed startup says where to
 * look.
 */
public class MappingFileException extends RuntimeException {

    private final String file;
    private final String problem;

    public MappingFileException(String file, String problem) {
        this(file, problem, null);
    }

    public MappingFileException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public String problem() {
        return problem;
    }
}
