"""Published element data the atoms model needs that ``periodictable`` does not carry.

Melting and boiling points at 1 atm, in °C, from the CRC Handbook of Chemistry and
Physics (physical constants of the elements), as quoted on the Royal Society of
Chemistry's periodic table. Rounded to 0.1 °C; small differences between sources
(a degree or less) do not change any trend.
"""

# Group 1: melting point / °C (the trend pupils are asked to explain).
GROUP_1_MELTING_POINT_C = {"Li": 180.5, "Na": 97.8, "K": 63.5, "Rb": 39.3, "Cs": 28.5}

# Group 7: melting and boiling points / °C, and the state at room temperature (20 °C).
GROUP_7_MELTING_POINT_C = {"F": -219.6, "Cl": -101.5, "Br": -7.2, "I": 113.7}
GROUP_7_BOILING_POINT_C = {"F": -188.1, "Cl": -34.0, "Br": 58.8, "I": 184.4}
GROUP_7_COLOUR = {"F": "pale yellow gas", "Cl": "green gas", "Br": "red-brown liquid", "I": "grey-black solid"}

# Group 0: boiling point / °C.
GROUP_0_BOILING_POINT_C = {"He": -268.9, "Ne": -246.0, "Ar": -185.8, "Kr": -153.4, "Xe": -108.1, "Rn": -61.7}

# Balanced equations with state symbols for the group reactions AQA names (4.1.2.5,
# 4.1.2.6); tests check each balances. (Group 1 with water, oxygen and chlorine; halogen
# displacement.)
GROUP_REACTIONS = (
    ("lithium and water", "2Li(s) + 2H2O(l) -> 2LiOH(aq) + H2(g)"),
    ("sodium and water", "2Na(s) + 2H2O(l) -> 2NaOH(aq) + H2(g)"),
    ("potassium and water", "2K(s) + 2H2O(l) -> 2KOH(aq) + H2(g)"),
    ("sodium and chlorine", "2Na(s) + Cl2(g) -> 2NaCl(s)"),
    ("lithium and oxygen", "4Li(s) + O2(g) -> 2Li2O(s)"),
    ("chlorine displaces bromine", "Cl2(aq) + 2KBr(aq) -> 2KCl(aq) + Br2(aq)"),
    ("chlorine displaces iodine", "Cl2(aq) + 2KI(aq) -> 2KCl(aq) + I2(aq)"),
    ("bromine displaces iodine", "Br2(aq) + 2KI(aq) -> 2KBr(aq) + I2(aq)"),
)

# What the halogen looks like dissolved in water, as pupils see it in a displacement
# reaction (AQA 4.1.2.6): the colour of the halogen made.
HALOGEN_IN_WATER = {"Cl": "very pale yellow-green", "Br": "orange (yellow-orange when dilute)",
                    "I": "brown (yellow-brown when dilute)"}
