using Registry.Domain.Common;

namespace Registry.Domain.Tests;

public sealed class LocalizedTextTests
{
    private static readonly LocalizedText Text = new("Demande déposée.", "تم إيداع الطلب.");

    [Fact]
    public void In_ar_returns_the_arabic_text()
    {
        Assert.Equal("تم إيداع الطلب.", Text.In("ar"));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    [InlineData("")]
    public void In_any_other_language_returns_the_french_text(string language)
    {
        Assert.Equal("Demande déposée.", Text.In(language));
    }
}
