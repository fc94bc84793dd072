namespace Registry.Infrastructure.Persistence;

/// <summary>An Idempotency-Key of a user, the hash of the request that used it and the response it got.</summary>
public sealed class IdempotencyKey
{
    public Guid UserId { get; set; }
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public string? ResponseJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The last registration number given for a legal form, region and year.</summary>
public sealed class RegistrationSequence
{
    public string LegalForm { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public int Year { get; set; }
    public int LastValue { get; set; }
}
