using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Migrations.Migrations
{
    /// <summary>
    /// A Latin name is found in another of its usual transliterations (el fellah for Al Falah): every Latin word has a
    /// spelling key, and tier 1 of the search also matches the known words of the query word's key (hand-written SQL in
    /// <c>Sql/LatinSpellings.*.sql</c>).
    /// </summary>
    public partial class LatinSpellings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("LatinSpellings.Up.sql"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("LatinSpellings.Down.sql"));
    }
}
