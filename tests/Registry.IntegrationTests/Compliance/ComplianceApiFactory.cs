using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Compliance.Commands.EvaluateCompliance;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Compliance;

/// <summary>The API on a clock the test moves, so every obligation can be seen before and after it falls due.</summary>
public sealed class ComplianceApiFactory : RegistryApiFactory
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureMore(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));

    public async Task<SweepResult> SweepAsync(Guid? organizationId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new EvaluateCompliance(organizationId));
    }

    /// <summary>An organisation registered on <paramref name="registeredOn"/> by a new applicant; returns its number and the owner's e-mail.</summary>
    public async Task<(string Number, string OwnerEmail)> RegisterAsync(DateOnly registeredOn, object? application = null, string region = "06")
    {
        Clock.Set(registeredOn);
        var (owner, email) = await NewApplicantWithEmailAsync();
        var official = await NewStaffAsync("RegionalOfficial", region);
        var number = await official.ApproveAsync(await owner.SubmittedAsync(application ?? Samples.Cooperative()));
        return (number, email);
    }

    /// <summary>Moves the clock and signs the owner in again (tokens are issued on the clock's time).</summary>
    public async Task<HttpClient> OwnerOnAsync(DateOnly date, string email)
    {
        Clock.Set(date);
        return await SignInAsync(email);
    }

    public async Task<(string Stage, DateOnly DueOn, string? ProposedAction)?> FindingAsync(string number, string rule)
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand("""
            SELECT f.stage, f.due_on, f.proposed_action FROM registry.findings f
            JOIN registry.organizations o ON o.id = f.organization_id
            WHERE o.registration_number = $1 AND f.rule_code = $2
            """, connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = number });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = rule });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? (reader.GetString(0), DateOnly.FromDateTime(reader.GetDateTime(1)), reader.IsDBNull(2) ? null : reader.GetString(2))
            : null;
    }
}
