using MimeKit;

namespace Registry.Infrastructure.Notifications;

/// <summary>The SMTP relay the outbox is delivered through (configuration section <c>Registry:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Registry:Smtp";

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 25;

    /// <summary>The sender, as <c>Display Name &lt;address&gt;</c>; its domain also names the Message-IDs.</summary>
    public string From { get; set; } = "Registre national de l'ESS <no-reply@registry.ma>";

    /// <summary>Authenticates to the relay when set.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// Requires STARTTLS (and a certificate the machine trusts) when true. When false the connection stays in
    /// clear text, meant for a relay on loopback or on the same private host; never false with a password
    /// over a network.
    /// </summary>
    public bool UseStartTls { get; set; }

    /// <summary>A message is given up after this many failed attempts (it stays in the outbox, with its last error).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry waits this long, each next one twice as long, never more than an hour.</summary>
    public int BackoffBaseSeconds { get; set; } = 60;

    /// <summary>At most this many messages per delivery run (each claimed, sent and recorded in a transaction of its own).</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Timeout of each SMTP operation (connect, each command).</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>For <c>Validate(...).ValidateOnStart()</c>: a misconfigured relay fails at start-up, not on the first reminder.</summary>
    public static bool IsValid(SmtpOptions options) =>
        !string.IsNullOrWhiteSpace(options.Host)
        && options.Port is > 0 and <= 65535
        && MailboxAddress.TryParse(options.From, out _)
        && options.MaxAttempts > 0
        && options.BackoffBaseSeconds > 0
        && options.BatchSize > 0
        && options.TimeoutSeconds > 0
        && (string.IsNullOrEmpty(options.Username) || options.Password is not null);
}
