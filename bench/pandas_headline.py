"""The headline measures of `workforce metrics --json` in pandas, for the bench to run side by
side: /usr/bin/python3 bench/pandas_headline.py STAFF.csv [OURS.json] (the bench files: Excel date
serials, the bench's column names and categories). Prints one JSON object with the same keys; given
the output of `workforce metrics --json STAFF.csv`, also checks each value equals ours (to 1e-9)."""
import json, sys
import numpy as np, pandas as pd

df = pd.read_csv(sys.argv[1], usecols=["Employee No", "Contract Type", "FTE", "Start Date", "Leaving Date",
                 "Date of Birth", "Gender", "Ethnic Origin", "Disabled", "Cases Held", "Days Sick"])
start, leave, fte = df["Start Date"], df["Leaving Date"], df["FTE"]
dates = pd.concat([start, leave]).dropna()
sept30 = lambda y: (pd.Timestamp(y, 9, 30) - pd.Timestamp(1899, 12, 30)).days
year = (pd.Timestamp(1899, 12, 30) + pd.Timedelta(days=dates.max())).year
d = sept30(year) if dates.min() <= sept30(year) else sept30(year - 1)
d1 = sept30((pd.Timestamp(1899, 12, 30) + pd.Timedelta(days=d)).year - 1)  # D - 1 year: 30 Sep again
sw = df["Contract Type"].isin(["Permanent", "Fixed term"])
agency = df["Contract Type"].eq("Agency")
in_post = lambda at: (start <= at) & (leave.isna() | (leave > at))
key = df["Employee No"].str.lower().str.replace("[^a-z0-9]+", "", regex=True)
swd, agd = sw & in_post(d), agency & in_post(d)
people = df.loc[key[swd].drop_duplicates().index]
fte_sw, agency_fte = fte[swd].sum(), fte[agd].sum()
leavers = sw & (leave > d1) & (leave <= d)
before = key[sw & in_post(d1)].drop_duplicates()
holders = (sw | agency) & in_post(d) & (df["Cases Held"].fillna(0) > 0)
dob = pd.to_datetime(people["Date of Birth"], unit="D", origin="1899-12-30")
at = pd.Timestamp(1899, 12, 30) + pd.Timedelta(days=d)
age = at.year - dob.dt.year - ((dob.dt.month > at.month) | ((dob.dt.month == at.month) & (dob.dt.day > at.day)))
share = lambda col, known, yes: people[col].isin(yes).sum() / people[col].isin(known).sum()
white = ["White British", "White Irish", "Any other White background", "Gypsy/Roma", "Traveller of Irish heritage", "Roma"]
eth = people["Ethnic Origin"]; eth_known = eth.notna() & ~eth.isin(["Prefer not to say", "Not known", "Refused"])
out = {"asOf": at.strftime("%Y-%m-%d"), "fteSocialWorkers": fte_sw, "headcount": len(people),
       "agencyFte": agency_fte, "vacancyFte": None, "vacancyRate": None,
       "agencyRate": agency_fte / (agency_fte + fte_sw),
       "startersFte": fte[sw & (start > d1) & (start <= d)].sum(), "leaversFte": fte[leavers].sum(),
       "leaversHeadcount": int(key[leavers].nunique()), "turnoverRate": fte[leavers].sum() / fte_sw,
       "stabilityRate": before.isin(set(key[swd])).sum() / len(before),
       "averageCaseload": df["Cases Held"][holders].sum() / fte[holders].sum(),
       "sicknessDaysPerFte": df["Days Sick"][swd].fillna(0).sum() / fte_sw, "averageAge": age.mean(),
       "femaleShare": share("Gender", ["Female", "Male", "Non-binary", "Other"], ["Female"]),
       "disabledShare": share("Disabled", ["Yes", "No"], ["Yes"]),
       "ethnicMinorityShare": (eth_known & ~eth.isin(white)).sum() / eth_known.sum()}
out = {k: (v.item() if isinstance(v, np.generic) else v) for k, v in out.items()}
print(json.dumps(out, indent=2))
if len(sys.argv) > 2:
    ours = json.load(open(sys.argv[2]))
    differ = [k for k, v in out.items() if not (v == ours[k] or (isinstance(v, float) and np.isclose(v, ours[k], rtol=1e-9, atol=0)))]
    print("pandas and workforce metrics agree" if not differ else f"differ: {differ}", file=sys.stderr)
    sys.exit(1 if differ else 0)
