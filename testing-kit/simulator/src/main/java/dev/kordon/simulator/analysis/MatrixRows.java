package dev.kordon.simulator.analysis;

import java.util.Arrays;

/**
 * The cells of a connectivity matrix, row by row: for each row the columns with some allowed connection, ascending,
 * and the number of the set of connections each holds (see {@link ConnectionPool}).
 */
final class MatrixRows {

    private final int[][] columns;
    private final int[][] sets;
    private int[] rowColumns = new int[16];
    private int[] rowSets = new int[16];
    private int rowSize;

    MatrixRows(int rows) {
        this.columns = new int[rows][];
        this.sets = new int[rows][];
    }

    /** Adds a cell to the row being written; columns must ascend. */
    void add(int column, int set) {
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
        rowSize = 0;
    }

    /** How many rows there are. */
    int rows() {
        return columns.length;
    }

    /** The columns of a row with some connection, ascending. */
    int[] columns(int row) {
        return columns[row];
    }

    /** The set numbers of a row's cells, in the order of {@link #columns(int)}. */
    int[] sets(int row) {
        return sets[row];
    }
}
