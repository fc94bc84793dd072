namespace Registry.Cli.Generation;

/// <summary>The tables generate and import fill, with the columns they write (everything else keeps its default).</summary>
internal static class Tables
{
    public const string ApplicationColumns =
        "id, owner_id, status, legal_form, name_ar, name_latin, sector_code, seat_address, province_code, region_code, founding_date, " +
        "financial_year_end, contact_email, contact_phone, created_at, updated_at, submitted_at, decided_at, organization_id, ice, share_value";

    public const string OrganizationColumns =
        "id, registration_number, application_id, owner_id, legal_form, name_ar, name_latin, sector_code, seat_address, province_code, region_code, " +
        "founding_date, financial_year_end, contact_email, contact_phone, status, registered_at, status_changed_at, member_count, women_member_count, " +
        "ice, normalized_name_ar, normalized_name_latin, share_value, last_accounts_filed_on, last_annual_return_year, last_declaration_on, " +
        "last_general_assembly_on, members_below_minimum_since, paid_capital, subscribed_capital";

    public const string MemberColumns =
        "organization_id, id, kind, full_name_ar, full_name_latin, cin, birth_date, gender, nationality, legal_name, legal_identifier, shares_subscribed, shares_paid";

    public const string OfficerColumns =
        "organization_id, id, role, full_name_ar, full_name_latin, cin, birth_date, nationality, profession, address, mandate_start, mandate_end, is_participating_member";

    public const string DeclarationColumns =
        "id, organization_id, kind, effective_on, financial_year, turnover, details, declared_at, declared_by";

    /// <summary>In the order the foreign keys need them filled.</summary>
    public static readonly (string Name, string Columns)[] Loaded =
    [
        ("applications", ApplicationColumns),
        ("organizations", OrganizationColumns),
        ("organization_members", MemberColumns),
        ("organization_officers", OfficerColumns),
        ("declarations", DeclarationColumns),
    ];
}
