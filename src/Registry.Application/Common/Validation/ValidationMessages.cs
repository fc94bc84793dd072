using System.Globalization;
using FluentValidation;
using FluentValidation.Internal;

namespace Registry.Application.Common.Validation;

/// <summary>
/// FluentValidation's own messages as a client reads them: a field is named as in the JSON it sent (camelCase, as in
/// the <c>errors</c> map), not as C# would display it ("'sectorCode'", not "'Sector Code'"), and dates are ISO
/// (yyyy-MM-dd), as the API reads and writes them, whatever the culture.
/// </summary>
public static class ValidationMessages
{
    /// <summary>Set once for the process: FluentValidation's options are global.</summary>
    public static void Configure()
    {
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : CamelCase(member.Name);
        ValidatorOptions.Global.MessageFormatterFactory = () => new IsoDateMessageFormatter();
    }

    private static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private sealed class IsoDateMessageFormatter : MessageFormatter
    {
        public override string BuildMessage(string messageTemplate)
        {
            foreach (var (key, value) in PlaceholderValues.ToList())
            {
                PlaceholderValues[key] = Iso(value);
            }

            return base.BuildMessage(messageTemplate);
        }

        private static object Iso(object value) => value switch
        {
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime { TimeOfDay.Ticks: 0 } date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            DateTimeOffset time => time.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
            _ => value,
        };
    }
}
