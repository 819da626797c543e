package dev.kordon.simulator.analysis;

import java.util.Arrays;

/**
 * The cells of a connectivity matrix, row by row: for each row the columns with some allowed connection, ascending,
 * and the number each holds of a set of connections in the row's {@link ConnectionPool}. Rows may be written by
 * several {@link Writer writers} at once, each with its own rows and pool.
 */
final class MatrixRows {

    private final int[][] columns;
    private final int[][] sets;
    private final ConnectionPool[] pools;

    MatrixRows(int rows) {
        this.columns = new int[rows][];
        this.sets = new int[rows][];
        this.pools = new ConnectionPool[rows];
    }

    /** A writer of rows whose sets are numbered in {@code pool}. */
    Writer writer(ConnectionPool pool) {
        return new Writer(pool);
    }

    /** How many rows there are. */
    int rows() {
        return columns.length;
    }

    /** The columns of a row with some connection, ascending. */
    int[] columns(int row) {
        return columns[row];
    }

    /** The set of connections of a row's cell, by its place in {@link #columns(int)}. */
    ConnectionSet set(int row, int place) {
        return pools[row].set(sets[row][place]);
    }

    /** Writes rows one at a time, cell by cell. */
    final class Writer {

        private final ConnectionPool pool;
        private int[] rowColumns = new int[16];
        private int[] rowSets = new int[16];
        private int rowSize;

        private Writer(ConnectionPool pool) {
            this.pool = pool;
        }

        /** The pool the sets of this writer's cells are numbered in. */
        ConnectionPool pool() {
            return pool;
        }

        /** Adds a cell holding set {@code set} of the pool to the row being written (none when negative). */
        void add(int column, int set) {
            if (set < 0) {
                return;
            }
            if (rowSize == rowColumns.length) {
                rowColumns = Arrays.copyOf(rowColumns, rowSize * 2);
                rowSets = Arrays.copyOf(rowSets, rowSize * 2);
            }
            rowColumns[rowSize] = column;
            rowSets[rowSize++] = set;
        }

        /** Ends the row being written as row {@code row}. */
        void endRow(int row) {
            columns[row] = Arrays.copyOf(rowColumns, rowSize);
            sets[row] = Arrays.copyOf(rowSets, rowSize);
            pools[row] = pool;
            rowSize = 0;
        }
    }
}
