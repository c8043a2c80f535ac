"""Education: state-funded places, Kyrgyz students in Russia, Russian teachers, the Slavic University, schools."""

from functools import partial

import streamlit as st

from bilateral import ui

data = ui.dataset()
st.title("Education")
years = ui.year_range(data, "education_years")

series = partial(ui.series_block, data, years=years)  # every chart of the page, for the chosen years


series("State-funded places in Russia for Kyrgyz students, by academic year", "quota", ["state_funded_quota"])
series(
    "Kyrgyz students in Russia",
    "students",
    ["kyrgyz_students_in_russia", "kyrgyz_students_state_funded"],
    by="label",
)
series(
    "Russian teachers in Kyrgyz schools",
    "teachers",
    ["russian_teachers", "russian_teachers_arrived"],
    by="label",
)
series(
    "Students of the Kyrgyz-Russian Slavic University",
    "krsu",
    ["krsu_students", "krsu_new_students", "krsu_students_third_countries"],
    by="label",
)

columns = st.columns(3)
for column, (label, indicator_id) in zip(
    columns,
    [
        ("Schools with Russian teachers", "schools_with_russian_teachers"),
        ("Russian-language schools to build", "russian_language_schools_planned"),
        ("Of which to open in 2027", "russian_language_schools_opening"),
    ],
):
    with column:
        ui.latest_metric(data, label, indicator_id)

series("Vehicles and buses delivered", "vehicles", ["vehicles_transferred", "buses_transferred"], by="label")
