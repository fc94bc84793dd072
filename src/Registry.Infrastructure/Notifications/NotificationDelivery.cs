using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;
using NpgsqlTypes;
using Registry.Application.Common.Interfaces;

namespace Registry.Infrastructure.Notifications;

/// <summary>
/// Sends the outbox's due e-mails over SMTP, up to a batch per call, each message in a short transaction of its own.
/// </summary>
/// <remarks>
/// <para>
/// Per message: claim the next due row with <c>FOR UPDATE SKIP LOCKED LIMIT 1</c>, send it over the SMTP
/// session the whole call reuses, record the outcome (<c>sent_at</c>, or the failed attempt and its backoff)
/// and commit. Two deliveries running at once (two servers, or a retried job) never send the same row: the
/// second skips the one the first holds. A worker killed mid-call has marked sent every message the relay
/// accepted before the one in flight; its connection drops and PostgreSQL releases that one row at once, for
/// the next run.
/// </para>
/// <para>
/// Delivery is at-least-once at the transport, and the window is one message wide: a process killed after the
/// relay accepted a message (its <c>250</c> on the wire) and before the commit that records it leaves that one
/// row unsent, and the next run sends it again. That copy carries the same Message-ID, so the receiving side can
/// spot it. What keeps the registry to one message per finding and stage is the outbox's unique (finding, stage,
/// due date) row, not this class.
/// </para>
/// </remarks>
internal sealed partial class NotificationDelivery(
    NpgsqlDataSource dataSource,
    IOptions<SmtpOptions> options,
    TimeProvider timeProvider,
    ILogger<NotificationDelivery> logger) : INotificationDelivery
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    private const string ClaimSql = """
        SELECT id, finding_id, stage, due_on, rule_code, registration_number, subject_name, recipient, attempts
        FROM registry.outbox_messages
        WHERE sent_at IS NULL AND next_attempt_at <= @now AND attempts < @max_attempts
        ORDER BY id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
        """;

    private const string MarkSentSql = "UPDATE registry.outbox_messages SET sent_at = @now WHERE id = @id";

    private const string MarkFailedSql = """
        UPDATE registry.outbox_messages
        SET attempts = attempts + 1, next_attempt_at = @next_attempt_at, last_error = @error
        WHERE id = @id
        """;

    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // Messages that fall due during the call wait for the next one; a message that fails here moves its next
        // attempt past this instant, so the call never claims it twice.
        var now = timeProvider.GetUtcNow();
        var from = MailboxAddress.Parse(settings.From);
        var sent = 0;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            for (var claimed = 0; claimed < settings.BatchSize && !cancellationToken.IsCancellationRequested; claimed++)
            {
                var outcome = await DeliverOneAsync(connection, client, settings, from, now, cancellationToken);
                if (outcome == Outcome.Sent)
                {
                    sent++;
                }
                else if (outcome is Outcome.NoneDue or Outcome.Stop)
                {
                    break;
                }
            }
        }
        finally
        {
            await DisconnectAsync(client);
        }

        if (sent > 0)
        {
            LogDelivered(logger, sent);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return sent;
    }

    private enum Outcome
    {
        NoneDue,
        Sent,
        Failed,
        Stop,
    }

    /// <summary>Claims, sends and records one message, in one transaction.</summary>
    private async Task<Outcome> DeliverOneAsync(
        NpgsqlConnection connection, SmtpClient client, SmtpOptions settings, MailboxAddress from, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var message = await ClaimAsync(connection, transaction, settings, now, cancellationToken);
        if (message is null)
        {
            await transaction.CommitAsync(cancellationToken);
            return Outcome.NoneDue;
        }

        try
        {
            using var mail = NotificationMessageFactory.Create(message, from);
            await EnsureConnectedAsync(client, settings, cancellationToken);
            await client.SendAsync(mail, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Accepted or not, unknown: left unsent (the rollback frees the row), so sent again next time (at-least-once).
            await transaction.RollbackAsync(CancellationToken.None);
            return Outcome.Stop;
        }
        catch (Exception exception)
        {
            var error = ErrorName(exception);
            await MarkFailedAsync(connection, transaction, settings, timeProvider.GetUtcNow(), message, error);
            await transaction.CommitAsync(CancellationToken.None);
            // The type only: an SMTP error's text can quote the recipient's address.
            LogFailed(logger, message.Id, error, message.Attempts + 1, settings.MaxAttempts);
            // The relay is unreachable or the session broke: the next messages would fail the same way. They are
            // left as they are (no attempt was made for them) for the next run. A refused recipient or message
            // leaves the session usable, so the batch goes on.
            return IsTransportFailure(exception) ? Outcome.Stop : Outcome.Failed;
        }

        // Recorded even when the caller gives up now: the message has left, and must not be sent again.
        await using (var markSent = new NpgsqlCommand(MarkSentSql, connection, transaction))
        {
            markSent.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = timeProvider.GetUtcNow() });
            markSent.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Bigint) { Value = message.Id });
            await markSent.ExecuteNonQueryAsync(CancellationToken.None);
        }

        await transaction.CommitAsync(CancellationToken.None);
        return Outcome.Sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery of outbox message {OutboxMessageId} failed ({ErrorType}), attempt {Attempt} of {MaxAttempts}")]
    private static partial void LogFailed(ILogger logger, long outboxMessageId, string errorType, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivered {Count} notification e-mails")]
    private static partial void LogDelivered(ILogger logger, int count);

    /// <summary>The delay before the next attempt once <paramref name="attempts"/> have failed: base, 2×base, 4×base… at most an hour.</summary>
    internal static TimeSpan Backoff(int attempts, int baseSeconds)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var seconds = Math.Min((double)baseSeconds * Math.Pow(2, exponent), MaxBackoff.TotalSeconds);
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>The exception's type name, within the column's 200 characters.</summary>
    private static string ErrorName(Exception exception)
    {
        var name = exception.GetType().Name;
        return name.Length <= 200 ? name : name[..200];
    }

    private static async Task<OutboxMessage?> ClaimAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SmtpOptions settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ClaimSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
        command.Parameters.Add(new NpgsqlParameter("max_attempts", NpgsqlDbType.Integer) { Value = settings.MaxAttempts });

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new OutboxMessage
        {
            Id = reader.GetInt64(0),
            FindingId = reader.GetInt64(1),
            Stage = reader.GetString(2),
            DueOn = reader.GetFieldValue<DateOnly>(3),
            RuleCode = reader.GetString(4),
            RegistrationNumber = reader.IsDBNull(5) ? null : reader.GetString(5),
            SubjectName = reader.IsDBNull(6) ? null : reader.GetString(6),
            Recipient = reader.GetString(7),
            Attempts = reader.GetInt32(8),
        };
    }

    private static async Task MarkFailedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SmtpOptions settings, DateTimeOffset now, OutboxMessage message, string error)
    {
        await using var markFailed = new NpgsqlCommand(MarkFailedSql, connection, transaction);
        markFailed.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Bigint) { Value = message.Id });
        markFailed.Parameters.Add(new NpgsqlParameter("next_attempt_at", NpgsqlDbType.TimestampTz)
        {
            Value = now + Backoff(message.Attempts + 1, settings.BackoffBaseSeconds),
        });
        markFailed.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = error });
        await markFailed.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static async Task DisconnectAsync(SmtpClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }

        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ProtocolException or SmtpCommandException)
        {
            // The messages are already accepted; a failed QUIT changes nothing.
        }
    }

    private static async Task EnsureConnectedAsync(SmtpClient client, SmtpOptions settings, CancellationToken cancellationToken)
    {
        if (client.IsConnected)
        {
            return;
        }

        var security = settings.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        await client.ConnectAsync(settings.Host, settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Username))
        {
            await client.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken);
        }
    }

    /// <summary>
    /// Failures of the connection rather than of one message. A rejected recipient or message
    /// (<see cref="SmtpCommandException"/>) leaves the session usable, so the batch goes on.
    /// </summary>
    private static bool IsTransportFailure(Exception exception) => exception is
        SocketException or IOException or TimeoutException or OperationCanceledException
        or ProtocolException or ServiceNotConnectedException or AuthenticationException or SslHandshakeException;
}
