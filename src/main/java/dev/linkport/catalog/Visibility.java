package dev.linkport.catalog;

/** Which teams see a listing in the catalog. */
public enum Visibility {
    ALL_TEAMS, SELECTED_TEAMS
}
