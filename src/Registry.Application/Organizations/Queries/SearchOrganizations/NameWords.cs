using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Registry.Application.Organizations.Queries.SearchOrganizations;

/// <summary>
/// The words of the registered names, as the public search uses them: every organisation carries the distinct words
/// of its normalised names (<see cref="Property"/>, computed and GIN-indexed by PostgreSQL), and the word list
/// (<c>registry.name_words</c>, with each word of four letters or more also listed under its one-letter deletions)
/// turns a query word into the known words it may have been meant as.
/// </summary>
public static class NameWords
{
    /// <summary>The shadow property of organisations and reservations (column <c>search_words</c>, text[]).</summary>
    public const string Property = "SearchWords";

    /// <summary>Most words a query is searched by (the first ones, repeated words once).</summary>
    public const int MaxQueryWords = 6;

    /// <summary>Most completions of one query word (the words it starts or is part of), the shortest first.</summary>
    public const int MaxCompletions = 20;

    /// <summary>
    /// Makes PostgreSQL plan each statement of the current transaction for its values: how common the words are
    /// decides between reading the table in order (a common word) and the GIN index (a rare one), and a prepared
    /// statement's generic plan, made without the words, would use the index for both (25 ms for "argan" instead
    /// of 1).
    /// </summary>
    public static async Task PlanForTheWordsAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        await database.ExecuteSqlRawAsync("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)", cancellationToken);

    /// <summary>The distinct words of a normalised name, in the order typed.</summary>
    public static string[] Of(string normalized) =>
        [.. normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Take(MaxQueryWords)];

    /// <summary>
    /// In one round trip, for each query word: the known words within one letter of it (a letter missing, extra or
    /// changed: the two words share a deletion) and, with <paramref name="completions"/>, the known words it starts
    /// or is part of. Words nobody uses get an empty list.
    /// </summary>
    public static async Task<string[][]> ExpandAsync(DatabaseFacade database, string[] words, bool completions, CancellationToken cancellationToken)
    {
        var rows = await database.SqlQuery<WordVariant>($"""
            SELECT DISTINCT q.position AS "Position", d.word AS "Word"
            FROM unnest({words}::text[]) WITH ORDINALITY AS q(word, position)
            CROSS JOIN LATERAL unnest(registry.word_deletions(q.word)) AS v(deletion)
            JOIN registry.name_word_deletions d ON d.deletion = v.deletion
            UNION
            SELECT q.position, c.word
            FROM unnest({words}::text[]) WITH ORDINALITY AS q(word, position)
            CROSS JOIN LATERAL (
                (SELECT w.word FROM registry.name_words w
                 WHERE {completions} AND w.word LIKE replace(replace(replace(q.word, '\', '\\'), '%', '\%'), '_', '\_') || '%'
                 ORDER BY length(w.word), w.word LIMIT {MaxCompletions})
                UNION
                (SELECT w.word FROM registry.name_words w
                 WHERE {completions} AND length(q.word) >= 3 AND w.word LIKE '%' || replace(replace(replace(q.word, '\', '\\'), '%', '\%'), '_', '\_') || '%'
                 ORDER BY length(w.word), w.word LIMIT {MaxCompletions})
            ) AS c
            """).ToListAsync(cancellationToken);
        return [.. Enumerable.Range(1, words.Length).Select(p => rows.Where(r => r.Position == p).Select(r => r.Word).ToArray())];
    }

    private sealed record WordVariant(long Position, string Word);
}
