namespace Registry.Domain.Organizations;

/// <summary>Active → Suspended → Active; StruckOff and Dissolved are final (SPEC §3).</summary>
public enum OrganizationStatus
{
    Active,
    Suspended,
    StruckOff,
    Dissolved,
}
