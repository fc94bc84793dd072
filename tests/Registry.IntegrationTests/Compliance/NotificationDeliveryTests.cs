using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Compliance;
using Registry.Infrastructure.Notifications;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Compliance;

/// <summary>The API with its SMTP relay pointed at a real SMTP server the tests run on loopback.</summary>
public sealed class NotificationApiFactory : RegistryApiFactory
{
    public const string From = "Registre national de l'ESS <no-reply@registry.ma>";
    public const int BatchSize = 10;

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
        builder.UseSetting("Registry:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Registry:Smtp:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Registry:Smtp:From", From);
        builder.UseSetting("Registry:Smtp:BatchSize", BatchSize.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Registry:Smtp:TimeoutSeconds", "5");
    }

    /// <summary>One delivery run, as the job does it: a scope of its own.</summary>
    public async Task<int> DeliverAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<INotificationDelivery>().DeliverDueAsync(CancellationToken.None);
    }
}

/// <summary>The outbox's e-mails: sent once, in both languages, never twice at once, retried with backoff, then given up.</summary>
public sealed class NotificationDeliveryTests(NotificationApiFactory api) : IClassFixture<NotificationApiFactory>, IAsyncLifetime
{
    private const string Number = "COOP-06-2026-000123";
    private const string Recipient = "gerant.tighanimine@example.ma";
    private static readonly DateOnly DueOn = new(2026, 12, 31);

    public async Task InitializeAsync()
    {
        await api.Smtp.StartAsync();
        api.Smtp.Clear();
        api.Smtp.Delay = TimeSpan.Zero;
        api.Smtp.RefusedMailbox = null;
        await ExecuteAsync("DELETE FROM registry.outbox_messages");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Due_messages_are_delivered_once_in_arabic_and_french_and_marked_sent()
    {
        var upcoming = await QueueAsync(1001, "Upcoming", ComplianceRules.GaOverdue);
        var overdue = await QueueAsync(1002, "Overdue", ComplianceRules.AccountsOverdue);
        var escalated = await QueueAsync(1003, "Escalated", ComplianceRules.MandateExpired);
        var notYetDue = await QueueAsync(1004, "Upcoming", ComplianceRules.GaOverdue, nextAttemptIn: TimeSpan.FromMinutes(5));
        var alreadySent = await QueueAsync(1005, "Overdue", ComplianceRules.GaOverdue);
        await ExecuteAsync("UPDATE registry.outbox_messages SET sent_at = now() - interval '1 day' WHERE id = $1", alreadySent);

        Assert.Equal(3, await api.DeliverAsync());

        var messages = api.Smtp.Messages;
        Assert.Equal(3, messages.Count);
        var reminder = Single(messages, 1001, "Upcoming");
        Assert.Equal("Registre national de l'ESS", reminder.From.Mailboxes.Single().Name);
        Assert.Equal("no-reply@registry.ma", reminder.From.Mailboxes.Single().Address);
        Assert.Equal(Recipient, reminder.To.Mailboxes.Single().Address);
        Assert.Equal($"[{Number}] Assemblée générale ordinaire non tenue — الجمع العام العادي لم يعقد", reminder.Subject);
        var rule = ComplianceRules.Get(ComplianceRules.GaOverdue);
        var body = reminder.TextBody ?? "";
        Assert.Contains("Coopérative Tighanimine", body, StringComparison.Ordinal);
        Assert.Contains("تذكير", body, StringComparison.Ordinal);
        Assert.Contains("Rappel", body, StringComparison.Ordinal);
        Assert.Contains("2026-12-31", body, StringComparison.Ordinal);
        Assert.Contains(rule.Obligation.Ar, body, StringComparison.Ordinal);
        Assert.Contains(rule.Obligation.Fr, body, StringComparison.Ordinal);
        Assert.Contains("المرجع: القانون رقم 112.12، المادة 41", body, StringComparison.Ordinal);
        Assert.Contains("Référence : Loi 112-12, art. 41", body, StringComparison.Ordinal);
        Assert.True(body.IndexOf(rule.Obligation.Ar, StringComparison.Ordinal) < body.IndexOf(rule.Obligation.Fr, StringComparison.Ordinal),
            "the Arabic part comes first");
        Assert.DoesNotContain(Recipient, body, StringComparison.OrdinalIgnoreCase);

        var notice = Single(messages, 1002, "Overdue").TextBody ?? "";
        Assert.Contains("إشعار", notice, StringComparison.Ordinal);
        Assert.Contains("Avis", notice, StringComparison.Ordinal);
        Assert.Contains("était due le 2026-12-31", notice, StringComparison.Ordinal);
        Assert.Contains(ComplianceRules.Get(ComplianceRules.AccountsOverdue).Obligation.Ar, notice, StringComparison.Ordinal);

        var escalation = Single(messages, 1003, "Escalated");
        Assert.Contains("Mandat expiré — انتهاء مدة الانتداب", escalation.Subject, StringComparison.Ordinal);
        Assert.Contains("transmis au service régional", escalation.TextBody, StringComparison.Ordinal);
        Assert.Contains("المصلحة الجهوية", escalation.TextBody, StringComparison.Ordinal);

        foreach (var id in new[] { upcoming, overdue, escalated })
        {
            var row = await RowAsync(id);
            Assert.NotNull(row.SentAt);
            Assert.Equal(0, row.Attempts);
            Assert.Null(row.LastError);
        }

        Assert.Null((await RowAsync(notYetDue)).SentAt);

        // A second run finds nothing more to send.
        Assert.Equal(0, await api.DeliverAsync());
        Assert.Equal(3, api.Smtp.Messages.Count);
    }

    [Fact]
    public async Task A_reservation_message_has_no_registration_number_in_its_subject()
    {
        await QueueAsync(1101, "Upcoming", ComplianceRules.ReservationExpired, number: null);

        Assert.Equal(1, await api.DeliverAsync());

        var message = Single(api.Smtp.Messages, 1101, "Upcoming");
        Assert.Equal("Réservation de nom expirée — انتهاء صلاحية حجز الاسم", message.Subject);
    }

    [Fact]
    public async Task Two_deliveries_running_at_once_send_each_message_exactly_once()
    {
        const int count = 4 * NotificationApiFactory.BatchSize;
        for (var i = 0; i < count; i++)
        {
            await QueueAsync(2000 + i, "Overdue", ComplianceRules.GaOverdue);
        }

        // Slow acceptance keeps each batch's rows locked long enough for the other delivery to meet them.
        api.Smtp.Delay = TimeSpan.FromMilliseconds(25);
        var results = await Task.WhenAll(Task.Run(DrainAsync), Task.Run(DrainAsync));

        Assert.Equal(count, results.Sum());
        Assert.All(results, sent => Assert.True(sent > 0, "both deliveries sent a share"));
        var findings = api.Smtp.Messages.Select(m => m.Headers[NotificationMessageFactory.FindingHeader]).ToList();
        Assert.Equal(count, findings.Count);
        Assert.Equal(count, findings.Distinct().Count());
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.outbox_messages WHERE sent_at IS NULL"));
    }

    [Fact]
    public async Task When_the_relay_is_down_nothing_is_marked_sent_and_the_message_goes_out_once_after_its_backoff()
    {
        var first = await QueueAsync(3001, "Upcoming", ComplianceRules.GaOverdue);
        var second = await QueueAsync(3002, "Overdue", ComplianceRules.GaOverdue);
        await api.Smtp.StopAsync();

        Assert.Equal(0, await api.DeliverAsync());

        var failed = await RowAsync(first);
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.InRange(failed.DueIn, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(61)); // the first backoff: a minute
        Assert.NotNull(failed.LastError);
        Assert.Matches("^[A-Za-z0-9_`]+$", failed.LastError); // a type name, never a message quoting an address
        // The relay was unreachable: the batch stopped there, and no attempt is counted against the rest.
        var untouched = await RowAsync(second);
        Assert.Null(untouched.SentAt);
        Assert.Equal(0, untouched.Attempts);

        // Still down, still backing off: nothing is sent, and the first message is not tried again early.
        Assert.Equal(0, await api.DeliverAsync());
        Assert.Equal(1, (await RowAsync(first)).Attempts);

        await api.Smtp.StartAsync();
        await ExecuteAsync("UPDATE registry.outbox_messages SET next_attempt_at = now() - interval '1 second' WHERE sent_at IS NULL");

        Assert.Equal(2, await api.DeliverAsync());
        Assert.Equal(0, await api.DeliverAsync());
        Assert.Single(api.Smtp.Messages, m => m.Headers[NotificationMessageFactory.FindingHeader] == "3001:Upcoming:2026-12-31");
        Assert.Single(api.Smtp.Messages, m => m.Headers[NotificationMessageFactory.FindingHeader] == "3002:Overdue:2026-12-31");
        Assert.NotNull((await RowAsync(first)).SentAt);
        Assert.NotNull((await RowAsync(second)).SentAt);
    }

    [Fact]
    public async Task A_message_the_relay_refuses_is_retried_later_and_the_rest_of_the_batch_still_goes_out()
    {
        api.Smtp.RefusedMailbox = "refused";
        var refused = await QueueAsync(4001, "Overdue", ComplianceRules.GaOverdue, recipient: "refused@example.ma");
        var accepted = await QueueAsync(4002, "Overdue", ComplianceRules.GaOverdue);

        Assert.Equal(1, await api.DeliverAsync());

        Assert.NotNull((await RowAsync(accepted)).SentAt);
        var row = await RowAsync(refused);
        Assert.Null(row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.Equal("SmtpCommandException", row.LastError);
        Assert.True(row.DueIn > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_message_that_used_up_its_attempts_is_not_tried_again()
    {
        var maxAttempts = new SmtpOptions().MaxAttempts;
        var exhausted = await QueueAsync(5001, "Overdue", ComplianceRules.GaOverdue, attempts: maxAttempts);
        var lastChance = await QueueAsync(5002, "Overdue", ComplianceRules.GaOverdue, attempts: maxAttempts - 1);

        Assert.Equal(1, await api.DeliverAsync());
        Assert.Equal(0, await api.DeliverAsync());

        var given = await RowAsync(exhausted);
        Assert.Null(given.SentAt);
        Assert.Equal(maxAttempts, given.Attempts);
        Assert.NotNull((await RowAsync(lastChance)).SentAt);
        Assert.Equal("5002:Overdue:2026-12-31", Assert.Single(api.Smtp.Messages).Headers[NotificationMessageFactory.FindingHeader]);
    }

    [Fact]
    public void The_backoff_doubles_from_its_base_and_stops_at_an_hour()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), NotificationDelivery.Backoff(1, 60));
        Assert.Equal(TimeSpan.FromMinutes(2), NotificationDelivery.Backoff(2, 60));
        Assert.Equal(TimeSpan.FromMinutes(4), NotificationDelivery.Backoff(3, 60));
        Assert.Equal(TimeSpan.FromMinutes(32), NotificationDelivery.Backoff(6, 60));
        Assert.Equal(TimeSpan.FromHours(1), NotificationDelivery.Backoff(7, 60));
        Assert.Equal(TimeSpan.FromHours(1), NotificationDelivery.Backoff(1000, 60));
        Assert.Equal(TimeSpan.FromSeconds(20), NotificationDelivery.Backoff(2, 10));
    }

    private async Task<int> DrainAsync()
    {
        var total = 0;
        for (var round = 0; round < 20; round++)
        {
            var sent = await api.DeliverAsync();
            if (sent == 0)
            {
                break;
            }

            total += sent;
        }

        return total;
    }

    private static MimeMessage Single(IEnumerable<MimeMessage> messages, long findingId, string stage) =>
        Assert.Single(messages, m => m.Headers[NotificationMessageFactory.FindingHeader] == $"{findingId}:{stage}:2026-12-31");

    private async Task<long> QueueAsync(
        long findingId, string stage, string rule, string? number = Number, string recipient = Recipient, int attempts = 0, TimeSpan? nextAttemptIn = null) =>
        await api.ScalarAsync<long>("""
            INSERT INTO registry.outbox_messages
                (finding_id, stage, due_on, rule_code, registration_number, subject_name, recipient, created_at, attempts, next_attempt_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8, now() + $9)
            RETURNING id
            """,
            findingId, stage, DueOn, rule, (object?)number ?? DBNull.Value, "Coopérative Tighanimine", recipient, attempts,
            nextAttemptIn ?? TimeSpan.FromSeconds(-1));

    private async Task<(DateTimeOffset? SentAt, int Attempts, string? LastError, TimeSpan DueIn)> RowAsync(long id)
    {
        await using var connection = await api.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT sent_at, attempts, last_error, next_attempt_at - now() FROM registry.outbox_messages WHERE id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetFieldValue<TimeSpan>(3));
    }

    private async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = await api.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync();
    }
}
