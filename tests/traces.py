"""Find personal data anywhere in the database: every column of every table,
read as text (raw SQL over the introspected tables, so a table no model
declares is searched too)."""

from django.db import connection


def traces(*needles):
    """["table.column"] of every column that contains any of `needles`
    (case-insensitive; give ASCII needles: SQLite stores JSON escaped)."""
    hits = []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = [
                column.name
                for column in connection.introspection.get_table_description(
                    cursor, table
                )
            ]
            # FTS shadow tables and the like have no usable columns.
            if not columns:
                continue
            texts = [f"LOWER(CAST({quote(c)} AS TEXT))" for c in columns]
            for needle in needles:
                pattern = f"%{needle.lower()}%"
                cursor.execute(
                    f"SELECT {', '.join(f'{t} LIKE %s' for t in texts)} "
                    f"FROM {quote(table)} WHERE "
                    + " OR ".join(f"{t} LIKE %s" for t in texts),
                    [pattern] * (2 * len(texts)),
                )
                for row in cursor.fetchall():
                    hits += [
                        f"{table}.{column}"
                        for column, hit in zip(columns, row, strict=True)
                        if hit
                    ]
    return sorted(set(hits))
