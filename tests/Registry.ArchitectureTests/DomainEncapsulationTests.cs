using Registry.Domain.Applications;
using Registry.Domain.Organizations;

namespace Registry.ArchitectureTests;

/// <summary>Aggregates change only through their methods, which enforce the rules and raise the events.</summary>
public sealed class DomainEncapsulationTests
{
    private static readonly string[] AggregateNamespaces = ["Registry.Domain.Applications", "Registry.Domain.Organizations"];

    [Fact]
    public void Domain_aggregates_have_no_public_setters()
    {
        var types = Layers.Domain.GetTypes()
            .Where(type => type is { IsClass: true, IsVisible: true } && AggregateNamespaces.Any(ns => Layers.IsUnder(type.Namespace, ns)))
            .ToList();
        var propertiesExamined = types.Sum(type => type.GetProperties(Encapsulation.PublicProperties).Length);

        Assert.Contains(typeof(Organization), types);
        Assert.Contains(typeof(RegistrationApplication), types);
        Assert.Contains(typeof(Member), types);
        Assert.True(propertiesExamined >= 20, $"only {propertiesExamined} public properties were examined");
        Layers.AssertNone(Encapsulation.PublicSetters(types), "Public properties in the aggregates' namespaces must have no public setter");
    }
}
