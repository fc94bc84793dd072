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
/// Sends the outbox's due e-mails over SMTP, one batch per call.
/// </summary>
/// <remarks>
/// A batch is claimed with <c>FOR UPDATE SKIP LOCKED</c> in one transaction, sent while its rows stay locked,
/// and marked sent by the commit, so two deliveries running at once (two servers, or a retried job) never
/// send the same row: the second skips the rows the first holds. Delivery is at-least-once at the transport:
/// a crash after the relay accepted a message and before the commit leaves its row unsent, and the next run
/// sends it again (once more; the same Message-ID lets the receiving side spot it). What keeps the registry
/// to one message per finding and stage is the outbox's unique (finding, stage, due date) row, not this class.
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
        LIMIT @batch
        FOR UPDATE SKIP LOCKED
        """;

    private const string MarkSentSql = "UPDATE registry.outbox_messages SET sent_at = @now WHERE id = ANY(@ids)";

    private const string MarkFailedSql = """
        UPDATE registry.outbox_messages
        SET attempts = attempts + 1, next_attempt_at = @next_attempt_at, last_error = @error
        WHERE id = @id
        """;

    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var batch = await ClaimAsync(connection, transaction, settings, now, cancellationToken);
        if (batch.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }

        var from = MailboxAddress.Parse(settings.From);
        var sent = new List<long>(batch.Count);
        var failed = new List<(OutboxMessage Message, string Error)>();
        using (var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 })
        {
            foreach (var message in batch)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break; // what was sent so far is still recorded below
                }

                try
                {
                    using var mail = NotificationMessageFactory.Create(message, from);
                    await EnsureConnectedAsync(client, settings, cancellationToken);
                    await client.SendAsync(mail, cancellationToken);
                    sent.Add(message.Id);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break; // accepted or not, unknown: left unsent, so sent again next time (at-least-once)
                }
                catch (Exception exception)
                {
                    failed.Add((message, ErrorName(exception)));
                    if (IsTransportFailure(exception))
                    {
                        // The relay is unreachable or the session broke: the rest of the batch would fail the same
                        // way. Its rows are left as they are (no attempt was made for them) for the next run.
                        break;
                    }
                }
            }

            if (client.IsConnected)
            {
                try
                {
                    await client.DisconnectAsync(quit: true, CancellationToken.None);
                }
                catch (Exception exception) when (exception is IOException or SocketException or ProtocolException or SmtpCommandException)
                {
                    // The messages are already accepted; a failed QUIT changes nothing.
                }
            }
        }

        // Recorded even when the caller gave up: these messages have left, and must not be sent again.
        await RecordAsync(connection, transaction, settings, timeProvider.GetUtcNow(), sent, failed);
        await transaction.CommitAsync(CancellationToken.None);

        foreach (var (message, error) in failed)
        {
            // The type only: an SMTP error's text can quote the recipient's address.
            LogFailed(logger, message.Id, error, message.Attempts + 1, settings.MaxAttempts);
        }

        if (sent.Count > 0)
        {
            LogDelivered(logger, sent.Count);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return sent.Count;
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

    private static async Task<List<OutboxMessage>> ClaimAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SmtpOptions settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ClaimSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
        command.Parameters.Add(new NpgsqlParameter("max_attempts", NpgsqlDbType.Integer) { Value = settings.MaxAttempts });
        command.Parameters.Add(new NpgsqlParameter("batch", NpgsqlDbType.Integer) { Value = settings.BatchSize });

        var batch = new List<OutboxMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            batch.Add(new OutboxMessage
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
            });
        }

        return batch;
    }

    private static async Task RecordAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SmtpOptions settings, DateTimeOffset now,
        List<long> sent, List<(OutboxMessage Message, string Error)> failed)
    {
        if (sent.Count > 0)
        {
            await using var markSent = new NpgsqlCommand(MarkSentSql, connection, transaction);
            markSent.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
            markSent.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = sent.ToArray() });
            await markSent.ExecuteNonQueryAsync(CancellationToken.None);
        }

        foreach (var (message, error) in failed)
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
