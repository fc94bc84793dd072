using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Users;
using Registry.Application.Users.Queries.GetStaffUser;
using Registry.Application.Users.Queries.ListStaffUsers;

namespace Registry.Web.Pages.Admin;

/// <summary>The staff accounts with their roles and regions, by e-mail, a keyset link to the next page; the job dashboard's link.</summary>
public sealed class IndexModel(ISender sender, IAccessAudit audit, IConfiguration configuration) : AdminPageModel(sender, audit)
{
    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    public IReadOnlyList<StaffUserItem> Staff { get; private set; } = [];

    public string? Next { get; private set; }

    /// <summary>The account just created (after the redirect), whose regions were just saved, or whose two-factor authentication was reset.</summary>
    public StaffUserItem? Changed { get; private set; }

    public bool WasCreated { get; private set; }

    public bool WasReset { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? created, Guid? saved, Guid? reset, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(configuration.GetValue("Registry:Web:StaffPageSize", Cursor.DefaultLimit), 1, Cursor.MaxLimit);
        try
        {
            var page = await Sender.Send(new ListStaffUsers(string.IsNullOrEmpty(After) ? null : After, limit), cancellationToken);
            Staff = page.Items;
            Next = page.NextCursor;
        }
        catch (ValidationException)
        {
            return BadRequest(); // a cursor this list did not give: the error page
        }

        if ((created ?? saved ?? reset) is { } id)
        {
            try
            {
                Changed = await Sender.Send(new GetStaffUser(id), cancellationToken);
                WasCreated = created is not null;
                WasReset = created is null && saved is null;
            }
            catch (NotFoundException)
            {
                Changed = null;
            }
        }

        await LoadRegionsAsync(cancellationToken);
        return Page();
    }
}
