using System.Globalization;
using System.Text;
using MimeKit;
using Registry.Domain.Common;
using Registry.Domain.Compliance;

namespace Registry.Infrastructure.Notifications;

/// <summary>
/// Renders an outbox message as a bilingual e-mail: Arabic first, then French; the rule's title, obligation
/// and article, and the stage's wording. It carries the organisation's name and number and nothing else
/// about anyone.
/// </summary>
internal static class NotificationMessageFactory
{
    /// <summary>Identifies the message by finding, stage and due date (the outbox's unique key), for tests and operations.</summary>
    public const string FindingHeader = "X-Registry-Finding";

    public static MimeMessage Create(OutboxMessage message, MailboxAddress from)
    {
        var rule = ComplianceRules.Get(message.RuleCode);
        var dueOn = message.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var stage = StageWording(message.Stage, dueOn);

        var mail = new MimeMessage();
        mail.From.Add(from);
        mail.To.Add(MailboxAddress.Parse(message.Recipient));
        mail.Subject = message.RegistrationNumber is null
            ? $"{rule.Title.Fr} — {rule.Title.Ar}"
            : $"[{message.RegistrationNumber}] {rule.Title.Fr} — {rule.Title.Ar}";

        // The same key always gives the same Message-ID, so a message resent after a crash (see
        // NotificationDelivery) can be recognised as a duplicate by the receiving side.
        mail.MessageId = string.Create(CultureInfo.InvariantCulture,
            $"finding-{message.FindingId}.{message.Stage.ToLowerInvariant()}.{message.DueOn:yyyyMMdd}@{from.Domain}");
        mail.Headers.Add(FindingHeader, string.Create(CultureInfo.InvariantCulture, $"{message.FindingId}:{message.Stage}:{dueOn}"));
        mail.Headers.Add(HeaderId.ContentLanguage, "ar, fr");
        mail.Body = new TextPart("plain") { Text = Body(message, rule, stage) };
        return mail;
    }

    private static string Body(OutboxMessage message, ComplianceRule rule, LocalizedText stage)
    {
        var subject = (message.SubjectName, message.RegistrationNumber) switch
        {
            ({ } name, { } number) => $"{name} ({number})",
            ({ } name, null) => name,
            (null, { } number) => number,
            _ => null,
        };

        var body = new StringBuilder();
        if (subject is not null)
        {
            body.AppendLine(subject).AppendLine();
        }

        body.AppendLine(stage.Ar)
            .AppendLine()
            .AppendLine(rule.Title.Ar)
            .AppendLine(rule.Obligation.Ar)
            .AppendLine($"المرجع: {rule.Article.Ar}")
            .AppendLine()
            .AppendLine("—————")
            .AppendLine()
            .AppendLine(stage.Fr)
            .AppendLine()
            .AppendLine(rule.Title.Fr)
            .AppendLine(rule.Obligation.Fr)
            .AppendLine($"Référence : {rule.Article.Fr}")
            .AppendLine()
            .AppendLine("—————")
            .AppendLine("رسالة آلية من السجل الوطني للاقتصاد الاجتماعي والتضامني، المرجو عدم الرد عليها.")
            .AppendLine("Message automatique du registre national de l'économie sociale et solidaire ; merci de ne pas y répondre.");
        return body.ToString();
    }

    private static LocalizedText StageWording(string stage, string dueOn) => stage switch
    {
        nameof(FindingStage.Upcoming) => new(
            $"Rappel : l'obligation ci-dessous arrive à échéance le {dueOn}.",
            $"تذكير: يحل أجل الالتزام أدناه بتاريخ {dueOn}."),
        nameof(FindingStage.Overdue) => new(
            $"Avis : l'obligation ci-dessous était due le {dueOn} et n'a pas été remplie.",
            $"إشعار: كان أجل الالتزام أدناه بتاريخ {dueOn} ولم يتم الوفاء به."),
        nameof(FindingStage.Escalated) => new(
            $"Avis : l'obligation ci-dessous était due le {dueOn} ; le dossier a été transmis au service régional.",
            $"إشعار: كان أجل الالتزام أدناه بتاريخ {dueOn}، وقد أحيل الملف على المصلحة الجهوية."),
        _ => throw new InvalidOperationException($"No notification is sent for the stage '{stage}'."),
    };
}
