namespace Registry.Application.Users;

/// <summary>A staff account as the administrator sees it: who, which role, which regions (officials only).</summary>
public sealed record StaffUserItem(Guid Id, string Email, string Role, IReadOnlyList<string> RegionCodes);

/// <summary>Where a page of staff accounts ends: the normalised e-mail and the role of its last line.</summary>
public sealed record StaffListPosition(string NormalizedEmail, string Role);
