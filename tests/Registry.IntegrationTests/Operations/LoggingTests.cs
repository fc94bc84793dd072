using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Formatting.Compact;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Operations;

/// <summary>The API with every log event, down to Debug, written to a file the test reads.</summary>
public sealed class LoggingApiFactory : RegistryApiFactory
{
    public string LogFile { get; } = Path.Combine(Path.GetTempPath(), $"registry-log-{Guid.NewGuid():N}.json");

    protected override void ConfigureMore(IWebHostBuilder builder) =>
        // Same events as the app's own Serilog pipeline, down to Debug, into a file instead of the console.
        builder.ConfigureServices(services => services.AddSerilog((_, logger) => logger
            .MinimumLevel.Debug()
            .Enrich.FromLogContext()
            .WriteTo.File(new RenderedCompactJsonFormatter(), LogFile), preserveStaticLogger: true));
}

public sealed class LoggingTests(LoggingApiFactory api) : IClassFixture<LoggingApiFactory>
{
    [Fact]
    public async Task Logs_never_contain_request_bodies_or_personal_data()
    {
        const string cin = "ZX987654";
        const string name = "Unique Personne Journalisée";
        var applicant = await api.NewApplicantAsync();
        var official = await api.NewStaffAsync("RegionalOfficial", "06");
        var body = new
        {
            legalForm = "ASSO", nameLatin = "Association Journal", sectorCode = "SPORT", seatAddress = "Rue du secret 9", provinceCode = "141",
            foundingDate = "2026-01-01", financialYearEnd = "12-31",
            members = new[]
            {
                new { kind = "NaturalPerson", fullNameLatin = name, cin, birthDate = "1991-07-19", gender = "Female", nationality = "MA", address = "Adresse privée 42" },
                new { kind = "NaturalPerson", fullNameLatin = "Second Fondateur", cin = "AB100200", birthDate = "1980-01-01", gender = "Male", nationality = "MA", address = "Rabat" },
            },
            officers = new[]
            {
                new { role = "President", fullNameLatin = name, cin, birthDate = "1991-07-19", nationality = "MA", profession = "Juriste", address = "Adresse privée 42", mandateStart = "2026-01-01", mandateEnd = "2029-01-01" },
            },
        };
        var created = await applicant.PostAsJsonAsync("/api/v1/applications", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await created.ReadJsonAsync())["id"]!;
        await applicant.SubmitAsync(id);
        await official.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.BadRequest, (await applicant.PostAsJsonAsync("/api/v1/applications", new { nameLatin = name, provinceCode = cin })).StatusCode);

        // The request log is written through this host's own logger, whatever other hosts the process runs.
        Assert.NotNull(api.Services.GetService<Serilog.ILogger>());
        await api.DisposeAsync(); // flushes the file sink
        var log = await File.ReadAllTextAsync(api.LogFile);
        File.Delete(api.LogFile);
        Assert.Contains("/api/v1/applications", log, StringComparison.Ordinal); // the log did capture the requests
        foreach (var secret in new[] { cin, name, "1991-07-19", "Adresse privée 42", RegistryApiFactory.Password })
        {
            Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
        }
    }
}
