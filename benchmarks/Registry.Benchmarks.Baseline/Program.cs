using Npgsql;

// The bare lookup: one NpgsqlDataSource, one command, the public columns of one organisation as JSON.
// Same web host defaults and JSON serializer as the API; no logging, no middleware, no mediator, no EF Core.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();

var connectionString = builder.Configuration.GetConnectionString("Registry")
    ?? throw new InvalidOperationException("The connection string 'ConnectionStrings:Registry' is not configured.");
await using var dataSource = NpgsqlDataSource.Create(connectionString);

var app = builder.Build();

app.MapGet("/baseline/organizations/{registrationNumber}", async (string registrationNumber, CancellationToken ct) =>
{
    await using var command = dataSource.CreateCommand(Lookup.Sql);
    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = registrationNumber });
    await using var reader = await command.ExecuteReaderAsync(ct);
    return await reader.ReadAsync(ct) ? Results.Ok(Lookup.Read(reader)) : Results.NotFound();
});

await app.RunAsync();

internal static class Lookup
{
    public const string Sql = """
        SELECT registration_number, legal_form, name_ar, name_latin, sector_code, seat_address, province_code, region_code,
               founding_date, status, registered_at, status_changed_at, member_count, women_member_count
        FROM registry.organizations
        WHERE registration_number = $1
        """;

    public static Profile Read(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
        r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetFieldValue<DateOnly>(8), r.GetString(9),
        r.GetFieldValue<DateTimeOffset>(10), r.GetFieldValue<DateTimeOffset>(11), r.GetInt32(12), r.GetInt32(13));
}

/// <summary>The same public fields, in the same JSON shape, as the API's OrganizationProfile.</summary>
internal sealed record Profile(
    string RegistrationNumber,
    string LegalForm,
    string? NameAr,
    string? NameLatin,
    string SectorCode,
    string SeatAddress,
    string ProvinceCode,
    string RegionCode,
    DateOnly FoundingDate,
    string Status,
    DateTimeOffset RegisteredAt,
    DateTimeOffset StatusChangedAt,
    int MemberCount,
    int WomenMemberCount);
