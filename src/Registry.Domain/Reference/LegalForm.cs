namespace Registry.Domain.Reference;

/// <summary>The legal forms of the first release; the code is the prefix of the registration number.</summary>
public enum LegalForm
{
    COOP,
    UNION,
    ASSO,
    MUTU,
}
