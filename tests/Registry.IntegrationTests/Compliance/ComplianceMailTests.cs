using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Compliance.Commands.EvaluateCompliance;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Compliance;

/// <summary>The whole path: a sweep on a chosen date, the outbox, and a real SMTP server receiving the mail.</summary>
public sealed class ComplianceMailFactory : RegistryApiFactory
{
    public TestClock Clock { get; } = new();

    public TestSmtpServer Smtp { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Smtp.StartAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("Registry:Smtp:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Registry:Smtp:TimeoutSeconds", "5");
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public async Task SweepAndDeliverAsync(DateOnly on)
    {
        Clock.Set(on);
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new EvaluateCompliance());
        await scope.ServiceProvider.GetRequiredService<INotificationDelivery>().DeliverDueAsync(CancellationToken.None);
    }
}

public sealed class ComplianceMailTests(ComplianceMailFactory api) : IClassFixture<ComplianceMailFactory>
{
    [Fact]
    public async Task A_reminder_then_a_notice_reach_the_owner_once_each_even_when_the_relay_fails_and_recovers()
    {
        api.Clock.Set(new DateOnly(2025, 3, 1));
        var (owner, email) = await api.NewApplicantWithEmailAsync();
        var official = await api.NewStaffAsync("RegionalOfficial", "06");
        var number = await official.ApproveAsync(await owner.SubmittedAsync());

        await api.SweepAndDeliverAsync(new DateOnly(2026, 5, 31));
        var reminder = Assert.Single(api.Smtp.Messages);
        Assert.Equal(email, reminder.To.Mailboxes.Single().Address);
        Assert.Contains(number, reminder.Subject, StringComparison.Ordinal);
        Assert.Contains("تذكير", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains("Rappel", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains("2026-06-30", reminder.TextBody, StringComparison.Ordinal);

        // Sweeping and delivering again the same day sends nothing more.
        await api.SweepAndDeliverAsync(new DateOnly(2026, 5, 31));
        Assert.Single(api.Smtp.Messages);

        // The relay is down when the notice is due: it waits in the outbox, then goes out once.
        await api.Smtp.StopAsync();
        await api.SweepAndDeliverAsync(new DateOnly(2026, 7, 1));
        Assert.Single(api.Smtp.Messages);
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.outbox_messages WHERE stage = 'Overdue' AND sent_at IS NULL AND attempts = 1"));

        await api.Smtp.StartAsync();
        await api.SweepAndDeliverAsync(new DateOnly(2026, 7, 2)); // the backoff has passed a day later
        await api.SweepAndDeliverAsync(new DateOnly(2026, 7, 3));
        Assert.Equal(2, api.Smtp.Messages.Count);
        var notice = api.Smtp.Messages[1];
        Assert.Contains("إشعار", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("Avis", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("AB123456", notice.TextBody, StringComparison.Ordinal);
    }
}
