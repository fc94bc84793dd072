using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Migrations.Migrations
{
    /// <summary>
    /// The public search finds a name whose words the query runs together or splits ("alamal" for "Al Amal", "al
    /// amal" for "Alamal"), and takes "el" for "al" (hand-written SQL in <c>Sql/SearchJoinedWords.*.sql</c>).
    /// </summary>
    public partial class SearchJoinedWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("SearchJoinedWords.Up.sql"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("SearchJoinedWords.Down.sql"));
    }
}
