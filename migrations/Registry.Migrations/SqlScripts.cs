namespace Registry.Migrations;

/// <summary>Hand-written SQL kept beside the migrations as embedded <c>Sql/*.sql</c> files.</summary>
internal static class SqlScripts
{
    public static string Read(string fileName)
    {
        var assembly = typeof(SqlScripts).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Registry.Migrations.Sql.{fileName}")
            ?? throw new InvalidOperationException($"The embedded SQL script {fileName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
