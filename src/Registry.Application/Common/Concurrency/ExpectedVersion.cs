using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Validation;

namespace Registry.Application.Common.Concurrency;

/// <summary>
/// The versions of a resource an edit was made against: what If-Match named (RFC 9110 §13.1.1). If-Match is a list,
/// and the edit applies when one of its strong entity tags is the current version. The registry needs that version
/// to refuse lost updates, so <c>*</c> (any version) and weak tags (never a match for an edit) are refused, each with
/// its own reason, as are a missing header and one that cannot be read. The messages name the application: the one
/// resource edited with If-Match today.
/// </summary>
public sealed class ExpectedVersion
{
    private enum Refusal
    {
        None,
        Missing,
        Unreadable,
        AnyVersion,
    }

    private readonly Refusal _refusal;

    private ExpectedVersion(IReadOnlyList<uint> versions, bool weakTags, Refusal refusal)
    {
        Versions = versions;
        WeakTags = weakTags;
        _refusal = refusal;
    }

    /// <summary>The versions the strong tags named (tags of other shapes match nothing).</summary>
    public IReadOnlyList<uint> Versions { get; }

    /// <summary>Whether weak tags (W/"…") were sent.</summary>
    public bool WeakTags { get; }

    public static ExpectedVersion Missing { get; } = new([], false, Refusal.Missing);

    public static ExpectedVersion Unreadable { get; } = new([], false, Refusal.Unreadable);

    /// <summary>If-Match: * — "whatever the version", which is what the registry must not do.</summary>
    public static ExpectedVersion AnyVersion { get; } = new([], false, Refusal.AnyVersion);

    /// <summary>A list of entity tags: the versions of its strong tags, and whether it had weak ones.</summary>
    public static ExpectedVersion OneOf(IReadOnlyList<uint> versions, bool weakTags = false) => new(versions, weakTags, Refusal.None);

    /// <summary>The version a page read and edits (the pages keep it in the form).</summary>
    public static ExpectedVersion Of(uint version) => new([version], false, Refusal.None);

    /// <summary>
    /// The listed version that is <paramref name="current"/>; otherwise a 412 saying why: no version sent, an
    /// unreadable header, <c>*</c>, weak tags (when no strong one matched), or versions that are not the current one.
    /// </summary>
    public uint Match(uint current)
    {
        if (_refusal == Refusal.None && Versions.Contains(current))
        {
            return current;
        }

        throw new PreconditionFailedException(_refusal switch
        {
            Refusal.Missing => Localized.Text("Envoyez l'ETag de la demande dans If-Match pour la modifier.", "أرسل ETag الطلب في If-Match لتعديله."),
            Refusal.Unreadable => Localized.Text(
                "If-Match n'est pas lisible : envoyez l'ETag de la demande tel que reçu, entre guillemets (\"1234\").",
                "تعذرت قراءة If-Match: أرسل ETag الطلب كما استلمته، بين علامتي تنصيص (\"1234\")."),
            Refusal.AnyVersion => Localized.Text(
                "If-Match: * ne suffit pas : envoyez l'ETag précis de la demande. Le registre a besoin de la version que vous avez lue pour ne pas écraser une modification faite entre-temps.",
                "لا يكفي If-Match: *: أرسل ETag الطلب المحدد. يحتاج السجل إلى النسخة التي قرأتها حتى لا يمحو تعديلا أُجري في الأثناء."),
            _ when WeakTags => Localized.Text(
                "Un ETag faible (W/\"…\") ne correspond jamais pour une modification : envoyez l'ETag fort de la demande, tel que reçu.",
                "لا يطابق ETag الضعيف (W/\"…\") أبدا عند التعديل: أرسل ETag الطلب القوي كما استلمته."),
            _ => Localized.Text(
                "La demande a changé depuis sa lecture ; relisez-la et réessayez.", "تغيّر الطلب منذ قراءته؛ أعد قراءته ثم أعد المحاولة."),
        });
    }
}
