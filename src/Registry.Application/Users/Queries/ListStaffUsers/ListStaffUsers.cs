using FluentValidation;
using Mediator;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Validation;

namespace Registry.Application.Users.Queries.ListStaffUsers;

/// <summary>The staff accounts (officials, analysts, administrators) with their roles and regions, for administrators only; keyset-paginated by e-mail.</summary>
public sealed record ListStaffUsers(string? Cursor = null, int Limit = Common.Paging.Cursor.DefaultLimit) : IQuery<Page<StaffUserItem>>
{
    /// <summary>The keyset position a cursor of this list encodes, or null for a malformed one.</summary>
    internal static StaffListPosition? Position(string? cursor) =>
        Common.Paging.Cursor.Decode(cursor)?.Split('\n') is [{ Length: > 0 } email, { Length: > 0 } role] ? new StaffListPosition(email, role) : null;

    internal static string CursorOf(StaffListPosition last) => Common.Paging.Cursor.Encode(last.NormalizedEmail + "\n" + last.Role);
}

public sealed class ListStaffUsersValidator : AbstractValidator<ListStaffUsers>
{
    public ListStaffUsersValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, Cursor.MaxLimit);
        RuleFor(x => x.Cursor).Must(c => c is null || ListStaffUsers.Position(c) is not null)
            .WithMessage("Ce curseur ne vient pas de cette liste.", "هذا المؤشر لا يعود إلى هذه القائمة.");
    }
}

internal sealed class ListStaffUsersHandler(IStaffAccounts accounts, ICurrentUser currentUser, IAccessAudit audit)
    : IQueryHandler<ListStaffUsers, Page<StaffUserItem>>
{
    public async ValueTask<Page<StaffUserItem>> Handle(ListStaffUsers query, CancellationToken cancellationToken)
    {
        // The staff list names every official and their regions: administrators only, whoever sends the query.
        if (!currentUser.IsInRole(Roles.Administrator))
        {
            await audit.RecordRefusalAsync("staff.list", null, null, "Only administrators list staff accounts.", cancellationToken);
            throw new ForbiddenException(Localized.Text(
                "Seuls les administrateurs listent les comptes du personnel.", "وحدهم المسؤولون يعرضون قائمة حسابات الموظفين."));
        }

        var rows = await accounts.ListAsync(ListStaffUsers.Position(query.Cursor), query.Limit + 1, cancellationToken);
        var next = rows.Count > query.Limit ? ListStaffUsers.CursorOf(rows[query.Limit - 1].Position) : null;
        return new Page<StaffUserItem>([.. rows.Take(query.Limit).Select(r => r.Item)], next);
    }
}
