package org.svrgraph.analysis;

import java.util.List;
import org.neo4j.driver.Record;

/**
 * The records of one saved query, read in full before its transaction closed.
 *
 * @param query the query that ran
 * @param columns column names in order
 * @param records the records, in the query's order
 */
public record QueryResult(SavedQuery query, List<String> columns, List<Record> records) {

    public QueryResult {
        columns = List.copyOf(columns);
        records = List.copyOf(records);
    }
}
