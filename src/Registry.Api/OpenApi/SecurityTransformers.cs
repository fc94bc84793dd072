using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Registry.Api.OpenApi;

/// <summary>Declares the bearer scheme, and on each operation who may call it.</summary>
internal sealed class SecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    private const string Scheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Registry — national register of the social and solidarity economy";
        document.Info.Description = "Errors are RFC 9457 problem details. Messages follow Accept-Language (ar, fr). "
            + "Creating commands accept Idempotency-Key; updates need If-Match with the ETag.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            In = ParameterLocation.Header,
            Description = "The accessToken from POST /api/v1/auth/login.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
        {
            operation.Description = Append(operation.Description, "Who: anyone.");
            return Task.CompletedTask;
        }

        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy ?? a.Roles).Where(p => p is not null).Distinct();
        operation.Description = Append(operation.Description, $"Who: {string.Join(", ", policies)}.");
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] });
        return Task.CompletedTask;
    }

    private static string Append(string? description, string text) => string.IsNullOrEmpty(description) ? text : description + " " + text;
}
