using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Migrations.Migrations
{
    /// <summary>
    /// The public search and the similar-name check as one SQL function each (issue 3), so that each is one round
    /// trip and each of its queries is planned for its words (hand-written SQL in <c>Sql/NameSearchFunctions.*.sql</c>).
    /// </summary>
    public partial class NameSearchFunctions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("NameSearchFunctions.Up.sql"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("NameSearchFunctions.Down.sql"));
    }
}
