namespace Registry.Application.Organizations.Queries.SearchOrganizations;

/// <summary>
/// The words of the registered names, as the public search and the similar-name check use them: every organisation
/// and reservation carries the distinct words of its normalised names (<see cref="Property"/>, computed and
/// GIN-indexed by PostgreSQL), and the word list (<c>registry.name_words</c>, each word of four letters or more also
/// listed under its one-letter deletions) turns a query word into the known words it may have been meant as. Both
/// searches run as one SQL function each (<c>registry.search_organizations</c>, <c>registry.similar_names</c>, in
/// <c>migrations/Registry.Migrations/Sql/NameSearchFunctions.Up.sql</c>).
/// </summary>
public static class NameWords
{
    /// <summary>The shadow property of organisations and reservations (column <c>search_words</c>, text[]).</summary>
    public const string Property = "SearchWords";

    /// <summary>Most words a query is searched by (the first ones, repeated words once).</summary>
    public const int MaxQueryWords = 6;

    /// <summary>The distinct words of a normalised name, in the order typed.</summary>
    public static string[] Of(string normalized) =>
        [.. normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Take(MaxQueryWords)];
}
