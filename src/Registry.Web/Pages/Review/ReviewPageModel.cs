using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Security;
using Registry.Application.Reference.Queries.GetRegions;
using Registry.Application.Reference.Queries.GetSectors;
using Registry.Domain.Common;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Review;

/// <summary>
/// The regional official's pages. Anonymous visitors are sent to log in; any other signed-in user gets the
/// "access reserved" page with status 403. Region scoping is the use cases' own: an application or organisation
/// outside the official's regions is a not-found page (404), as the API answers. An official without two-factor
/// authentication is sent to enrol (<c>/account/two-factor</c>), as the API refuses them.
/// </summary>
[Authorize(AuthenticationSchemes = Account.IndexModel.CookieScheme)]
public abstract class ReviewPageModel(ISender sender) : PageModel
{
    protected ISender Sender { get; } = sender;

    private IReadOnlyList<RegionView>? _regions;
    private IReadOnlyList<SectorView>? _sectors;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!User.IsInRole(Roles.RegionalOfficial))
        {
            context.Result = ForbiddenPage.For(this);
            return;
        }

        // An official who signed in without a second factor is sent to set it up, then brought back here.
        if (Account.TwoFactorModel.RedirectIfMissing(this) is { } enrol)
        {
            context.Result = enrol;
            return;
        }

        await next();
    }

    /// <summary>Loads the reference names (regions, provinces, sectors) the page shows instead of codes.</summary>
    protected async Task LoadRegionsAsync(CancellationToken cancellationToken)
    {
        _regions ??= await Sender.Send(new GetRegions(), cancellationToken);
        _sectors ??= await Sender.Send(new GetSectors(), cancellationToken);
    }

    public string SectorName(string code) =>
        _sectors?.FirstOrDefault(s => s.Code == code) is { } sector ? Ui.Lang == "ar" ? sector.NameAr : sector.NameFr : code;

    public string RegionName(string code) =>
        _regions?.FirstOrDefault(r => r.Code == code) is { } region ? Ui.Lang == "ar" ? region.NameAr : region.NameFr : code;

    public string ProvinceName(string code) =>
        _regions?.SelectMany(r => r.Provinces).FirstOrDefault(p => p.Code == code) is { } province ? Ui.Lang == "ar" ? province.NameAr : province.NameFr : code;

    /// <summary>
    /// Sends a decision and turns the ways it can be refused into errors of the page (in its language) on
    /// <paramref name="field"/>: the broken rules with their own texts, a conflict, a shape the form did not check
    /// (on <paramref name="invalidField"/> when the form has one text the use case checks). Returns null when refused.
    /// </summary>
    protected async Task<T?> DecideAsync<T>(ICommand<T> command, string field, CancellationToken cancellationToken, string? invalidField = null)
        where T : class
    {
        try
        {
            return await Sender.Send(command, cancellationToken);
        }
        catch (RuleViolationException e)
        {
            foreach (var rule in e.Rules)
            {
                ModelState.AddModelError(field, Ui.In(rule.Message));
            }
        }
        catch (ConflictException)
        {
            ModelState.AddModelError(field, ReviewText.Conflict);
        }
        catch (ValidationException)
        {
            ModelState.AddModelError(invalidField ?? field, ReviewText.ReasonInvalid);
        }

        return null;
    }

    /// <summary>The reason or comments a decision requires, trimmed; null (with the error on <paramref name="field"/>) when missing or too long.</summary>
    protected string? RequiredText(string? text, int max, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(field, ReviewText.ReasonRequired);
            return null;
        }

        return OptionalText(text, max, field);
    }

    /// <summary>A reason a decision may go without, trimmed: null when left blank; null (with the error on <paramref name="field"/>) when too long.</summary>
    protected string? OptionalText(string? text, int max, string field)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > max)
        {
            ModelState.AddModelError(field, ReviewText.ReasonTooLong(max));
            return null;
        }

        return trimmed;
    }
}
