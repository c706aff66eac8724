package org.debentures.compliance.dealfile;

import java.util.List;

/**
 * A deal file (or a command-line switch) that cannot be used: the run stops before any work.
 * Each problem names the file, the key and what is wrong.
 */
public final class DealFileException extends RuntimeException {

    private final List<String> problems;

    public DealFileException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
