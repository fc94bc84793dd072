using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Migrations.Migrations
{
    /// <summary>
    /// Reservations carry the words of their names too (generated column, GIN over the unconsumed ones), and their
    /// words join the search's word list, so that the similar-name check finds live reservations by their words.
    /// </summary>
    public partial class ReservationWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "search_words",
                schema: "registry",
                table: "name_reservations",
                type: "text[]",
                nullable: true,
                computedColumnSql: "registry.name_words_of(normalized_ar, normalized_latin)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_name_reservations_search_words",
                schema: "registry",
                table: "name_reservations",
                column: "search_words",
                filter: "consumed_at IS NULL")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.Sql(SqlScripts.Read("ReservationWords.Up.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlScripts.Read("ReservationWords.Down.sql"));

            migrationBuilder.DropIndex(
                name: "ix_name_reservations_search_words",
                schema: "registry",
                table: "name_reservations");

            migrationBuilder.DropColumn(
                name: "search_words",
                schema: "registry",
                table: "name_reservations");
        }
    }
}
