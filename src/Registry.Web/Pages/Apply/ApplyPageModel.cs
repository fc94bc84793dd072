using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Applications;
using Registry.Application.Applications.Commands.UpdateApplication;
using Registry.Application.Applications.Queries.CheckApplication;
using Registry.Application.Applications.Queries.GetApplication;
using Registry.Application.Common.Concurrency;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Security;
using Registry.Application.Reference.Queries.GetRegions;
using Registry.Application.Reference.Queries.GetSectors;
using Registry.Domain.Common;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Apply;

/// <summary>
/// A page of the applicant's journey. Anonymous visitors are sent to log in; staff get the "access reserved" page
/// (403), as the API's applicant policy refuses them. The use cases scope every application to its owner: anyone
/// else's is the not-found page.
/// </summary>
[Authorize(AuthenticationSchemes = Account.IndexModel.CookieScheme)]
public abstract class ApplyPageModel(ISender sender) : PageModel
{
    protected ISender Sender { get; } = sender;

    public abstract Step Step { get; }

    /// <summary>The application being edited; null on the first two steps of one not yet created.</summary>
    public Guid? Id { get; private set; }

    public ApplicationView? Application { get; private set; }

    /// <summary><c>review</c> when the applicant came from "check your answers": saving returns there and the step shows its broken rules.</summary>
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    public bool FromReview => From == "review";

    /// <summary>The version of the application the form was filled from: an edit made meanwhile elsewhere is not overwritten.</summary>
    [BindProperty(Name = "version")]
    public uint? Version { get; set; }

    /// <summary>The rules the application breaks as it stands (shown when the applicant came from "check your answers").</summary>
    public IReadOnlyList<BrokenRule> Rules { get; protected set; } = [];

    public bool Editable => Application is null || Application.IsEditable();

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (Roles.Staff.Any(User.IsInRole))
        {
            context.Result = ForbiddenPage.For(this);
            return;
        }

        await next();
    }

    /// <summary>Reads the application named by the address (<c>new</c> for one not created yet); another's is not found.</summary>
    protected async Task LoadAsync(string? id, CancellationToken cancellationToken, bool allowNew = false)
    {
        if (allowNew && id == "new")
        {
            return;
        }

        if (!Guid.TryParseExact(id, "D", out var guid))
        {
            throw new NotFoundException(ResourceKind.Application, id ?? "");
        }

        Id = guid;
        Application = await Sender.Send(new GetApplication(guid), cancellationToken);
        if (FromReview && Application.IsEditable())
        {
            Rules = await Sender.Send(new CheckApplication(guid), cancellationToken);
        }
    }

    /// <summary>Replaces the draft with <paramref name="input"/>; false, with the refusals as errors of the page, when refused.</summary>
    protected async Task<bool> SaveAsync(ApplicationInput input, CancellationToken cancellationToken)
    {
        try
        {
            await Sender.Send(new UpdateApplication(Id!.Value, ExpectedVersion.Of(Version ?? Application!.Version), input), cancellationToken);
            return true;
        }
        catch (ValidationException e)
        {
            AddErrors(e);
        }
        catch (PreconditionFailedException)
        {
            ModelState.AddModelError("form", ApplyText.Stale);
        }
        catch (RuleViolationException e)
        {
            foreach (var rule in e.Rules)
            {
                ModelState.AddModelError("form", Ui.In(rule.Message));
            }
        }

        return false;
    }

    protected void AddErrors(ValidationException e)
    {
        foreach (var failure in e.Errors)
        {
            ModelState.AddModelError(Wizard.FieldOf(failure.PropertyName), failure.ErrorMessage);
        }
    }

    /// <summary>After saving: back to "check your answers" when the applicant came from there, else the next step.</summary>
    protected IActionResult Continue() =>
        Redirect(Wizard.Url(Id, FromReview ? Step.Review : Wizard.Steps[Wizard.Steps.ToList().IndexOf(Step) + 1]));

    /// <summary>The error summary: every field error (linked to its field, on this page or another step's) and the broken rules.</summary>
    public IReadOnlyList<ErrorLink> ErrorLinks()
    {
        var links = new List<ErrorLink>();
        foreach (var (field, entry) in ModelState)
        {
            var step = Wizard.StepOfField(field);
            var href = field == "form" ? "#main" : step == Step ? "#" + field : Wizard.Url(Id, step, FromReview) + "#" + field;
            links.AddRange(entry.Errors.Select(e => new ErrorLink(e.ErrorMessage, href)));
        }

        foreach (var rule in Rules)
        {
            var places = Wizard.PlacesOf(rule.Code);
            var (step, anchor) = places.FirstOrDefault(p => p.Step == Step) is { Anchor: not null } here ? here : places[0];
            links.Add(new ErrorLink(Ui.In(rule.Message), step == Step ? "#" + anchor : Wizard.Url(Id, step, fromReview: true) + "#" + anchor));
        }

        return links;
    }

    /// <summary>
    /// Where the page's forms post: this address without its fragment, which the browser would otherwise carry through
    /// the redirect that follows (a summary link's <c>#members</c> onto the next page).
    /// </summary>
    public string FormAction => Request.Path + Request.QueryString;

    public string? Error(string field) => FormErrors.For(ModelState, field);

    private IReadOnlyList<RegionView>? _regions;
    private IReadOnlyList<SectorView>? _sectors;

    public IReadOnlyList<RegionView> Regions => _regions ?? [];

    public IReadOnlyList<SectorView> Sectors => _sectors ?? [];

    protected async Task LoadReferenceAsync(CancellationToken cancellationToken)
    {
        _regions ??= await Sender.Send(new GetRegions(), cancellationToken);
        _sectors ??= await Sender.Send(new GetSectors(), cancellationToken);
    }

    public string SectorName(string code) =>
        Sectors.FirstOrDefault(s => s.Code == code) is { } sector ? Ui.Lang == "ar" ? sector.NameAr : sector.NameFr : code;

    public string ProvinceName(string code) =>
        Regions.SelectMany(r => r.Provinces).FirstOrDefault(p => p.Code == code) is { } province ? Ui.Lang == "ar" ? province.NameAr : province.NameFr : code;
}

public static class ApplicationViewExtensions
{
    public static bool IsEditable(this ApplicationView application) =>
        application.Status is Domain.Applications.ApplicationStatus.Draft or Domain.Applications.ApplicationStatus.ChangesRequested;
}
