"""Education: Kyrgyz students in Russia, quotas, the Slavic University, Russian teachers, schools, vehicles."""

import streamlit as st

from bilateral import ui

data = ui.dataset()
st.title("Education")

ui.series_block(
    data,
    "Students: Kyrgyz students in Russia and the Kyrgyz-Russian Slavic University",
    "students",
    [
        "kyrgyz_students_in_russia",
        "kyrgyz_students_state_funded",
        "state_funded_quota",
        "krsu_students",
        "krsu_students_third_countries",
    ],
    by="label",
)
ui.series_block(data, "Russian teachers in Kyrgyz schools", "teachers", ["russian_teachers"])

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

ui.series_block(
    data, "Vehicles and buses delivered", "vehicles", ["vehicles_transferred", "buses_transferred"], by="label"
)
