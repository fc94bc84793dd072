using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Applications;
using Registry.Application.Audit;
using Registry.Application.Organizations;

namespace Registry.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        Common.Validation.ValidationMessages.Configure();
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<AuditTrail>();
        services.AddScoped<Common.Behaviours.AfterCommit>();
        services.AddScoped<ApplicationDetailsResolver>();
        services.AddScoped<LegalFactsBuilder>();
        services.AddScoped<ApplicationRefusals>();
        services.AddScoped<OrganizationRefusals>();
        services.AddSingleton<Reference.ReferenceCodes>();
        return services;
    }
}
