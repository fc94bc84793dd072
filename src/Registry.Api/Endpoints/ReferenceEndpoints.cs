using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Application.Reference.Queries.GetRegions;

namespace Registry.Api.Endpoints;

public static class ReferenceEndpoints
{
    public static IEndpointRouteBuilder MapReference(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/reference")
            .WithTags("Reference data")
            .MapGet("/regions", Regions)
            .AllowAnonymous()
            .WithSummary("The 12 regions and their 75 prefectures and provinces (HCP codes, Arabic and French names).");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<RegionView>>> Regions(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetRegions(), ct));
}
