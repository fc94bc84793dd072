using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Registry.Infrastructure.Identity;

namespace Registry.IntegrationTests.Infrastructure;

/// <summary>Sends a use case through the mediator (its whole pipeline) as a given user, without HTTP: how the web pages call them.</summary>
public static class ActingAs
{
    public static async Task<T> SendAsAsync<T>(this RegistryApiFactory api, Guid? userId, string role, Func<ISender, ValueTask<T>> send, params string[] regions)
    {
        await using var scope = api.Services.CreateAsyncScope();
        if (userId is { } id)
        {
            scope.ServiceProvider.GetRequiredService<ActingPrincipal>().Principal = ActingPrincipal.For(id, role, regions);
        }

        return await send(scope.ServiceProvider.GetRequiredService<ISender>());
    }

    public static async Task<Guid> UserIdAsync(this RegistryApiFactory api, string email) =>
        await api.ScalarAsync<Guid>("SELECT id FROM identity.users WHERE email = $1", email);
}
