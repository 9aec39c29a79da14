package dev.assetflow.domain.work;

import java.nio.file.Path;

/**
 * Port: the private scratch space of one job (on Lambda, part of the function's /tmp). The domain only
 * names files in it ({@link Path} values handed to ports and renderers); creating, measuring and removing
 * them is the implementation's work.
 */
public interface JobWorkspace {

    /** A fresh, empty space for one job; closing it removes everything in it. */
    Job open();

    interface Job extends AutoCloseable {

        /** Where a file of this job goes; never derived from the uploader's file name. */
        Path file(String name);

        /** A new, empty directory inside the job, its name starting with {@code prefix}. */
        Path newDirectory(String prefix);

        /**
         * Temp space is checked against an estimate before the step that would fill it.
         * @throws dev.assetflow.domain.failure.FailureException LIMIT_EXCEEDED when less is free
         */
        void requireSpace(long neededBytes, String what);

        /** Removes the job's files; never throws. */
        @Override
        void close();
    }
}
