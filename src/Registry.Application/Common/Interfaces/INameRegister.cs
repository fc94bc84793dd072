namespace Registry.Application.Common.Interfaces;

/// <summary>A registered organisation or a live reservation whose name matches a name being reserved.</summary>
public sealed record NameMatch(string? NameAr, string? NameLatin, string? RegistrationNumber, bool Reserved, double Similarity);

/// <summary>The names already taken, searched on their normalised forms (exact and trigram similarity).</summary>
public interface INameRegister
{
    /// <summary>Serialises reservations of the same normalised names until the current transaction ends.</summary>
    Task LockAsync(IEnumerable<string> normalizedNames, CancellationToken cancellationToken);

    Task<NameMatch?> FindSameAsync(string normalizedAr, string normalizedLatin, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<NameMatch>> FindSimilarAsync(string normalizedAr, string normalizedLatin, double threshold, DateTimeOffset now, int limit, CancellationToken cancellationToken);
}

/// <summary>Settings of name reservation (<c>Registry:Names</c>).</summary>
public sealed class NameOptions
{
    /// <summary>Trigram similarity from which a name is reported as similar (0–1).</summary>
    public double SimilarityThreshold { get; set; } = 0.45;

    public int MaxWarnings { get; set; } = 10;
}
