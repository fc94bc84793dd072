using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Interfaces;
using Registry.Infrastructure.Persistence;

namespace Registry.ArchitectureTests;

// Deliberate rule breakers (and a few rule keepers) for CheckerSelfTests. Nothing else uses them.

public sealed record FakeCommand : ICommand<int>;

public sealed record FakeVoidCommand : ICommand;

public sealed record FakeQuery : IQuery<int>;

public class FakePublicUnsealedHandler : ICommandHandler<FakeCommand, int>
{
    public ValueTask<int> Handle(FakeCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(0);
}

internal class FakeVoidCommandHandler : ICommandHandler<FakeVoidCommand>
{
    public ValueTask<Unit> Handle(FakeVoidCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(Unit.Value);
}

internal sealed class FakeTidyHandler : IQueryHandler<FakeQuery, int>
{
    public ValueTask<int> Handle(FakeQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(0);
}

internal static class FakeEndpointTakingContextParameter
{
    public static Func<IRegistryDbContext, int> Handler => Handle;

    private static int Handle(IRegistryDbContext db) => db.GetHashCode();
}

internal static class FakeEndpointTakingConcreteContext
{
    public static Func<RegistryDbContext, int> Handler => Handle;

    private static int Handle(RegistryDbContext db) => db.GetHashCode();
}

internal sealed class FakeEndpointWithContextConstructor
{
    public FakeEndpointWithContextConstructor(IRegistryDbContext db) => Name = db.ToString();

    public string? Name { get; }
}

internal sealed class FakeEndpointWithContextField(DbContext db)
{
    public override string? ToString() => db.ToString();
}

internal static class FakeEndpointResolvingContext
{
    public static async Task<int> Count(IServiceProvider services, CancellationToken ct) =>
        await services.GetRequiredService<IRegistryDbContext>().SaveChangesAsync(ct);
}

internal static class FakeEndpointWithContextLambda
{
    public static Delegate Map() => (IServiceProvider services) => services.GetRequiredService<IRegistryDbContext>().GetHashCode();
}

internal static class FakeCleanEndpoint
{
    public static async Task<int> Handle(string id, ISender sender, CancellationToken ct) =>
        await sender.Send(new FakeQuery(), ct) + id.Length;
}

internal static class FakeBodyOnlyEfUser
{
    public static string Name() => typeof(DbContext).Name;
}

public sealed class FakeEntityWithSetter
{
    public int Value { get; set; }
}

public sealed class FakeEntityWithInit
{
    public int Value { get; init; }
}

public sealed class FakeEntityWithPrivateSetter
{
    public int Value { get; private set; }

    public void Increment() => Value++;
}

public sealed record FakeValueRecord(int Value);
